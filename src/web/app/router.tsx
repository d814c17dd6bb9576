// Client-side routes. Pages behind a role show a 403 page to others (the API refuses them anyway).
import { lazy, Suspense, type ComponentType, type ReactNode } from "react";
import { createBrowserRouter } from "react-router";
import { AppLayout } from "./AppLayout";
import { useSession, type Me } from "./session";
import { can } from "./permissions";
import { ForbiddenPage, NotFoundPage, RouteErrorPage } from "../components/states";
import { LoginPage } from "../features/auth/LoginPage";
import { taskAccess } from "../features/tasks/task-access";
import { councilAccess } from "../features/councils/council-ui";
import { statisticsAccess } from "../features/statistics/statistics-ui";
import { indicatorAccess } from "../features/indicators/indicator-access";

// Pages load on first visit (code splitting): the sign-in page and the frame come with the first download.
const page = <K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) => lazy(() => load().then((m) => ({ default: m[name] })));
const DashboardPage = page(() => import("../features/dashboard/DashboardPage"), "DashboardPage");
const PeopleListPage = page(() => import("../features/people/PeopleListPage"), "PeopleListPage");
const PersonDetailPage = page(() => import("../features/people/PersonDetailPage"), "PersonDetailPage");
const PersonEditPage = page(() => import("../features/people/PersonEditPage"), "PersonEditPage");
const OrganisationsListPage = page(() => import("../features/organisations/OrganisationsListPage"), "OrganisationsListPage");
const OrganisationDetailPage = page(() => import("../features/organisations/OrganisationDetailPage"), "OrganisationDetailPage");
const OrganisationEditPage = page(() => import("../features/organisations/OrganisationEditPage"), "OrganisationEditPage");
const ImportPage = page(() => import("../features/imports/ImportPage"), "ImportPage");
const UsersListPage = page(() => import("../features/users/UsersListPage"), "UsersListPage");
const UserPage = page(() => import("../features/users/UserPage"), "UserPage");
const AuditPage = page(() => import("../features/audit/AuditPage"), "AuditPage");
const MyDataPage = page(() => import("../features/me/MyDataPage"), "MyDataPage");
const DeletionRequestsPage = page(() => import("../features/deletion-requests/DeletionRequestsPage"), "DeletionRequestsPage");
const CodeListsPage = page(() => import("../features/reference/CodeListsPage"), "CodeListsPage");
const ProcessTemplatesPage = page(() => import("../features/process-templates/ProcessTemplatesPage"), "ProcessTemplatesPage");
const ProcessVersionPage = page(() => import("../features/process-templates/ProcessVersionPage"), "ProcessVersionPage");
const ProgrammesListPage = page(() => import("../features/programmes/ProgrammesListPage"), "ProgrammesListPage");
const ProgrammeDetailPage = page(() => import("../features/programmes/ProgrammeDetailPage"), "ProgrammeDetailPage");
const ProgrammeEditPage = page(() => import("../features/programmes/ProgrammeEditPage"), "ProgrammeEditPage");
const CallsListPage = page(() => import("../features/calls/CallsListPage"), "CallsListPage");
const CallDetailPage = page(() => import("../features/calls/CallDetailPage"), "CallDetailPage");
const CallEditPage = page(() => import("../features/calls/CallEditPage"), "CallEditPage");
const ProposalsListPage = page(() => import("../features/proposals/ProposalsListPage"), "ProposalsListPage");
const ProposalEditPage = page(() => import("../features/proposals/ProposalEditPage"), "ProposalEditPage");
const TasksListPage = page(() => import("../features/tasks/TasksListPage"), "TasksListPage");
const TaskQueuePage = page(() => import("../features/tasks/TasksListPage"), "TaskQueuePage");
const TaskDetailPage = page(() => import("../features/tasks/TaskDetailPage"), "TaskDetailPage");
const DossierPage = page(() => import("../features/tasks/DossierPage"), "DossierPage");
const TaskAnalyticsPage = page(() => import("../features/task-analytics/TaskAnalyticsPage"), "TaskAnalyticsPage");
const LeadershipPage = page(() => import("../features/dashboard/LeadershipPage"), "LeadershipPage");
const FundingPlanPage = page(() => import("../features/funding-plans/FundingPlanPage"), "FundingPlanPage");
const CouncilsListPage = page(() => import("../features/councils/CouncilsListPage"), "CouncilsListPage");
const CouncilDetailPage = page(() => import("../features/councils/CouncilDetailPage"), "CouncilDetailPage");
const MyBallotsPage = page(() => import("../features/councils/MyBallotsPage"), "MyBallotsPage");
const ScorePage = page(() => import("../features/councils/ScorePage"), "ScorePage");
const ContractsListPage = page(() => import("../features/contracts/ContractsListPage"), "ContractsListPage");
const ContractDetailPage = page(() => import("../features/contracts/ContractDetailPage"), "ContractDetailPage");
const PaymentsQueuePage = page(() => import("../features/contracts/PaymentsQueuePage"), "PaymentsQueuePage");
const MonitoringPage = page(() => import("../features/monitoring/MonitoringPage"), "MonitoringPage");
const ReportPage = page(() => import("../features/monitoring/ReportPage"), "ReportPage");
const InspectionPage = page(() => import("../features/monitoring/InspectionPage"), "InspectionPage");
const InspectionNewPage = page(() => import("../features/monitoring/InspectionPage"), "InspectionNewPage");
const CalendarPage = page(() => import("../features/monitoring/CalendarPage"), "CalendarPage");
const NotificationsPage = page(() => import("../features/notifications/NotificationsPage"), "NotificationsPage");
const StatisticsPeriodsPage = page(() => import("../features/statistics/PeriodsPage"), "PeriodsPage");
const StatisticsPeriodPage = page(() => import("../features/statistics/PeriodPage"), "PeriodPage");
const StatisticsReportsPage = page(() => import("../features/statistics/ReportsListPage"), "ReportsListPage");
const MyStatisticsReportsPage = page(() => import("../features/statistics/ReportsListPage"), "MyReportsPage");
const StatisticsFormsPage = page(() => import("../features/statistics/FormsPage"), "FormsPage");
const StatisticsFormVersionPage = page(() => import("../features/statistics/FormsPage"), "FormVersionPage");
const StatisticsReportPage = page(() => import("../features/statistics/ReportPage"), "ReportPage");
const PublicResultsPage = page(() => import("../features/results/PublicResultsPage"), "PublicResultsPage");
const PublicResultPage = page(() => import("../features/results/PublicResultsPage"), "PublicResultPage");
const IndicatorsListPage = page(() => import("../features/indicators/IndicatorsListPage"), "IndicatorsListPage");
const IndicatorDetailPage = page(() => import("../features/indicators/IndicatorDetailPage"), "IndicatorDetailPage");
const IndicatorEditPage = page(() => import("../features/indicators/IndicatorEditPage"), "IndicatorEditPage");
const SeriesPage = page(() => import("../features/indicators/SeriesPage"), "SeriesPage");
const PublicIndicatorsPage = page(() => import("../features/public-indicators/PublicIndicatorsPage"), "PublicIndicatorsPage");
const PublicIndicatorPage = page(() => import("../features/public-indicators/PublicIndicatorsPage"), "PublicIndicatorPage");

function Allowed({ when, children }: { when: (me: Me | null) => boolean; children: ReactNode }) {
  const { me } = useSession();
  return me && when(me) ? <>{children}</> : <ForbiddenPage />;
}

export const router = createBrowserRouter([
  { path: "/login", element: <LoginPage />, errorElement: <RouteErrorPage /> },
  // The public catalogue of registered results: no sign-in, outside the signed-in frame.
  {
    path: "/results",
    element: (
      <Suspense fallback={null}>
        <PublicResultsPage />
      </Suspense>
    ),
    errorElement: <RouteErrorPage />,
  },
  {
    path: "/results/:id",
    element: (
      <Suspense fallback={null}>
        <PublicResultPage />
      </Suspense>
    ),
    errorElement: <RouteErrorPage />,
  },
  // The published indicators of the plan: no sign-in, outside the signed-in frame.
  {
    path: "/public/indicators",
    element: (
      <Suspense fallback={null}>
        <PublicIndicatorsPage />
      </Suspense>
    ),
    errorElement: <RouteErrorPage />,
  },
  {
    path: "/public/indicators/:code",
    element: (
      <Suspense fallback={null}>
        <PublicIndicatorPage />
      </Suspense>
    ),
    errorElement: <RouteErrorPage />,
  },
  {
    path: "/",
    element: <AppLayout />,
    errorElement: <RouteErrorPage />,
    children: [
      { index: true, element: <DashboardPage /> },
      { path: "people", element: <PeopleListPage /> },
      {
        path: "people/new",
        element: (
          <Allowed when={can.createPerson}>
            <PersonEditPage />
          </Allowed>
        ),
      },
      { path: "people/:id", element: <PersonDetailPage /> },
      { path: "people/:id/edit", element: <PersonEditPage /> },
      { path: "organisations", element: <OrganisationsListPage /> },
      {
        path: "organisations/new",
        element: (
          <Allowed when={can.createOrganisation}>
            <OrganisationEditPage />
          </Allowed>
        ),
      },
      { path: "organisations/:id", element: <OrganisationDetailPage /> },
      { path: "organisations/:id/edit", element: <OrganisationEditPage /> },
      { path: "programmes", element: <ProgrammesListPage /> },
      {
        path: "programmes/new",
        element: (
          <Allowed when={can.createProgramme}>
            <ProgrammeEditPage />
          </Allowed>
        ),
      },
      { path: "programmes/:id", element: <ProgrammeDetailPage /> },
      {
        path: "programmes/:id/edit",
        element: (
          <Allowed when={can.createProgramme}>
            <ProgrammeEditPage />
          </Allowed>
        ),
      },
      { path: "calls", element: <CallsListPage /> },
      {
        path: "calls/new",
        element: (
          <Allowed when={can.createCall}>
            <CallEditPage />
          </Allowed>
        ),
      },
      { path: "calls/:id", element: <CallDetailPage /> },
      {
        path: "calls/:id/edit",
        element: (
          <Allowed when={can.createCall}>
            <CallEditPage />
          </Allowed>
        ),
      },
      {
        path: "proposals",
        element: (
          <Allowed when={taskAccess.list}>
            <ProposalsListPage />
          </Allowed>
        ),
      },
      {
        path: "proposals/new",
        element: (
          <Allowed when={taskAccess.propose}>
            <ProposalEditPage />
          </Allowed>
        ),
      },
      {
        path: "proposals/:id/edit",
        element: (
          <Allowed when={taskAccess.propose}>
            <ProposalEditPage />
          </Allowed>
        ),
      },
      {
        path: "tasks",
        element: (
          <Allowed when={taskAccess.list}>
            <TasksListPage />
          </Allowed>
        ),
      },
      {
        path: "tasks/queue",
        element: (
          <Allowed when={taskAccess.queue}>
            <TaskQueuePage />
          </Allowed>
        ),
      },
      {
        path: "tasks/:id",
        element: (
          <Allowed when={taskAccess.list}>
            <TaskDetailPage />
          </Allowed>
        ),
      },
      {
        path: "tasks/:id/dossiers/:dossierId",
        element: (
          <Allowed when={taskAccess.list}>
            <DossierPage />
          </Allowed>
        ),
      },
      { path: "contracts", element: <ContractsListPage /> },
      {
        path: "contracts/payments",
        element: (
          <Allowed when={(me) => !!me?.can?.contract?.paymentQueue}>
            <PaymentsQueuePage />
          </Allowed>
        ),
      },
      { path: "contracts/:id", element: <ContractDetailPage /> },
      {
        path: "councils",
        element: (
          <Allowed when={councilAccess.list}>
            <CouncilsListPage />
          </Allowed>
        ),
      },
      { path: "councils/mine", element: <MyBallotsPage /> },
      { path: "councils/:id", element: <CouncilDetailPage /> },
      { path: "councils/:id/score", element: <ScorePage /> },
      { path: "monitoring", element: <MonitoringPage /> },
      { path: "monitoring/reports/:id", element: <ReportPage /> },
      {
        path: "monitoring/inspections/new",
        element: (
          <Allowed when={(me) => !!me?.can?.inspection?.create}>
            <InspectionNewPage />
          </Allowed>
        ),
      },
      { path: "monitoring/inspections/:id", element: <InspectionPage /> },
      { path: "calendar", element: <CalendarPage /> },
      { path: "notifications", element: <NotificationsPage /> },
      {
        path: "indicators",
        element: (
          <Allowed when={indicatorAccess.list}>
            <IndicatorsListPage />
          </Allowed>
        ),
      },
      {
        path: "indicators/new",
        element: (
          <Allowed when={indicatorAccess.create}>
            <IndicatorEditPage />
          </Allowed>
        ),
      },
      {
        path: "indicators/series",
        element: (
          <Allowed when={indicatorAccess.series}>
            <SeriesPage />
          </Allowed>
        ),
      },
      {
        path: "indicators/:id",
        element: (
          <Allowed when={indicatorAccess.list}>
            <IndicatorDetailPage />
          </Allowed>
        ),
      },
      {
        path: "indicators/:id/edit",
        element: (
          <Allowed when={indicatorAccess.edit}>
            <IndicatorEditPage />
          </Allowed>
        ),
      },
      {
        path: "task-analytics",
        element: (
          <Allowed when={(me) => !!me?.can?.taskAnalytics?.read}>
            <TaskAnalyticsPage />
          </Allowed>
        ),
      },
      {
        path: "leadership",
        element: (
          <Allowed when={(me) => !!me?.can?.dashboard?.leadership}>
            <LeadershipPage />
          </Allowed>
        ),
      },
      {
        path: "funding-plans",
        element: (
          <Allowed when={(me) => !!me?.can?.fundingPlan?.read}>
            <FundingPlanPage />
          </Allowed>
        ),
      },
      {
        path: "statistics",
        element: (
          <Allowed when={statisticsAccess.periods}>
            <StatisticsPeriodsPage />
          </Allowed>
        ),
      },
      {
        path: "statistics/periods/:id",
        element: (
          <Allowed when={statisticsAccess.periods}>
            <StatisticsPeriodPage />
          </Allowed>
        ),
      },
      {
        path: "statistics/reports",
        element: (
          <Allowed when={statisticsAccess.allReports}>
            <StatisticsReportsPage />
          </Allowed>
        ),
      },
      {
        path: "statistics/my",
        element: (
          <Allowed when={statisticsAccess.myReports}>
            <MyStatisticsReportsPage />
          </Allowed>
        ),
      },
      { path: "statistics/reports/:id", element: <StatisticsReportPage /> },
      {
        path: "statistics/forms",
        element: (
          <Allowed when={statisticsAccess.forms}>
            <StatisticsFormsPage />
          </Allowed>
        ),
      },
      {
        path: "statistics/forms/:key/versions/:version",
        element: (
          <Allowed when={statisticsAccess.forms}>
            <StatisticsFormVersionPage />
          </Allowed>
        ),
      },
      {
        path: "imports",
        element: (
          <Allowed when={can.importData}>
            <ImportPage />
          </Allowed>
        ),
      },
      {
        path: "deletion-requests",
        element: (
          <Allowed when={can.handleDeletionRequests}>
            <DeletionRequestsPage />
          </Allowed>
        ),
      },
      { path: "me", element: <MyDataPage /> },
      {
        path: "admin/users",
        element: (
          <Allowed when={can.manageUsers}>
            <UsersListPage />
          </Allowed>
        ),
      },
      {
        path: "admin/users/new",
        element: (
          <Allowed when={can.manageUsers}>
            <UserPage />
          </Allowed>
        ),
      },
      {
        path: "admin/users/:id",
        element: (
          <Allowed when={can.manageUsers}>
            <UserPage />
          </Allowed>
        ),
      },
      {
        path: "admin/audit",
        element: (
          <Allowed when={can.readAudit}>
            <AuditPage />
          </Allowed>
        ),
      },
      {
        path: "admin/code-lists",
        element: (
          <Allowed when={can.manageCodeLists}>
            <CodeListsPage />
          </Allowed>
        ),
      },
      {
        path: "admin/processes",
        element: (
          <Allowed when={can.readProcessTemplates}>
            <ProcessTemplatesPage />
          </Allowed>
        ),
      },
      {
        path: "admin/processes/:key/versions/:version",
        element: (
          <Allowed when={can.readProcessTemplates}>
            <ProcessVersionPage />
          </Allowed>
        ),
      },
      { path: "*", element: <NotFoundPage /> },
    ],
  },
]);
