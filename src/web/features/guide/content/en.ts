// The user guide in English (beside the Vietnamese, content/vi.ts). Buttons and menu items in "[[key]]" are shown with
// their label in the app (guide-tour.ts).
import { planCitation } from "../../../../common/plan/citation.js";
import type { GuideTexts } from "./types.js";

const texts: GuideTexts = {
  roles: {
    officer: {
      who: "Officer of the Science Management Division: prepares and follows calls, tasks, councils, contracts and statistical reports.",
      home: "[[work.title]] lists every record waiting for you: tasks at your step of their process (forming a council, drafting a decision, signing a contract…), councils to conclude, statistical reports to review. Filter by [[work.byAction]], click a row to open the record; late items are marked [[work.overdueTag]].",
      screenshotAlt: "The officer's home page: work waiting, filtered by action",
      stops: {
        queue: {
          title: "Handle tasks through their process",
          what: "Tasks at a step you may act on, the longest waiting first.",
          steps: [
            "Open [[tasks.nav.queue]] in the side menu.",
            "Click a task's code to open it; the process actions you may take are buttons at the top of the page.",
            "Click the action, fill in what it asks and the required documents; when a condition is not met the app refuses with the reason.",
          ],
        },
        calls: {
          title: "Set up a call for proposals or selection",
          what: "A call collects ordered-task proposals, or dossiers for selection and direct assignment.",
          steps: [
            "Open [[nav.calls]], click [[calls.create]].",
            "Fill in the code, name, the process it follows and when dossiers are accepted, then save (a draft stays editable).",
            "Open the call and publish it; once published every user sees it and it can no longer be edited.",
          ],
        },
        councils: {
          title: "Form and run a council",
          what: "Identification, selection, appraisal and acceptance councils.",
          steps: [
            "Open [[councils.nav]], click [[councils.create]], choose the kind of council and the tasks or dossiers it examines.",
            "Add members: the app runs [[councils.checkConflict]] before adding.",
            "Click [[councils.action.invite]]; on the day record attendance with [[councils.saveAttendance]], then [[councils.action.open]].",
            "When the members have submitted their ballots, click [[councils.action.conclude]]. The [[guide.help.open]] button on the council's page sums up the rules.",
          ],
        },
        statistics: {
          title: "Statistical reporting periods and review",
          what: "Reporting periods under Circular 15/2018/TT-BKHCN, the units that must report and what they have submitted.",
          steps: [
            "Open [[statistics.nav.periods]]; [[statistics.periods.create]] opens a new period with its forms and deadline.",
            "In the period, click [[statistics.assign.button]] to assign the reports to the units.",
            "Open a submitted report (from the home page or the period), check it, then [[statistics.review.approve]] or [[statistics.review.return]] with a comment.",
          ],
        },
        imports: {
          title: "Import people and organisations from Excel",
          what: "Bulk import into the registries; a file is written only when no row has an error.",
          steps: [
            "Open [[nav.imports]], choose the kind of data, click [[imports.downloadTemplate]].",
            "Fill in the template and drop it on the page; every row is checked and the cells in error are listed.",
            "When the file is valid, write it: all its rows are written at once.",
          ],
        },
      },
    },
    leader: {
      who: "Leader of the Department: follows the targets, signs decisions, approves payments and reads the consolidated figures.",
      home: "[[work.title]] starts with the key figures (targets, tasks, city budget disbursed, statistical reports approved) and below them the work waiting for you, such as signing a task's approval decision.",
      screenshotAlt: "The leader's home page: key figures and work waiting",
      stops: {
        leadership: {
          title: "Read the dashboard",
          what: "The plan's targets, tasks, funding and statistical reporting on one page.",
          steps: ["Open [[leadership.nav]].", "Click a figure or [[leadership.allIndicators]] for each target's detail."],
        },
        queue: {
          title: "Sign decisions in the process",
          what: "Tasks waiting for a leader's decision.",
          steps: [
            "Open [[tasks.nav.queue]] (or click the item on the home page).",
            "Open the task, read the dossier and the council's result, then click the action at the top (e.g. signing the approval decision).",
          ],
        },
        payments: {
          title: "Approve payments",
          what: "Payments, refunds and reductions that need a second person's approval.",
          steps: [
            "Open [[contracts.queue.nav]]; the longest waiting comes first.",
            "Open its contract, click [[contracts.actions.approve]] or [[contracts.actions.reject]]. Whoever entered an item cannot approve it.",
          ],
        },
        fundingPlan: {
          title: "Funding plan and what-if scenarios",
          what: "The plan's cost estimate, the yearly actuals and scenarios.",
          steps: [
            "Open [[fundingPlans.nav]]; the [[fundingPlans.tabs.table]] tab shows the table as printed in the plan and the checks of its figures.",
            "The [[fundingPlans.tabs.actuals]] tab compares the budget allocated with the plan and the targets.",
            "Click [[fundingPlans.newScenario]] to change the inputs and save a scenario. The [[guide.help.open]] button explains the figures.",
          ],
        },
        statistics: {
          title: "Read statistical reports",
          what: "Every unit's report, filtered by period, form and status.",
          steps: [
            "Open [[statistics.nav.reports]], filter by period, form or status.",
            "Open an approved report: only a leader may [[statistics.review.unapprove]], with a reason.",
          ],
        },
      },
    },
    finance: {
      who: "Accountant of the Planning and Finance Division: follows contracts, payments and the budget actually allocated.",
      home: "[[work.title]] lists the financial work waiting for you, such as a task's liquidation and final settlement. With nothing waiting, the page says so.",
      screenshotAlt: "The accountant's home page: work waiting",
      stops: {
        payments: {
          title: "Approve payments (the second person)",
          what: "Payments, refunds and reductions entered by someone else, waiting for approval.",
          steps: [
            "Open [[contracts.queue.nav]].",
            "Open the contract, check the item and its vouchers, click [[contracts.actions.approve]] or [[contracts.actions.reject]].",
          ],
        },
        contracts: {
          title: "Contracts and their disbursement plan",
          what: "Task contracts, their instalments and the payment ledger.",
          steps: [
            "Open [[contracts.nav]], search by task code or title.",
            "Open a contract: enter payments along its plan, [[contracts.actions.settle]] at settlement, [[contracts.actions.liquidate]] at the end.",
          ],
        },
        fundingPlan: {
          title: "Enter the budget actually allocated",
          what: "The city budget allocated to S&T by year, against the plan.",
          steps: [
            "Open [[fundingPlans.nav]], tab [[fundingPlans.tabs.actuals]].",
            "Click [[fundingPlans.actual.add]], enter the year's amounts (đồng) and their source.",
            "[[fundingPlans.export]] downloads the cost table and its checks.",
          ],
        },
        queue: {
          title: "Liquidation and settlement in the process",
          what: "Tasks waiting for the financial step.",
          steps: ["Open [[tasks.nav.queue]], click the task's code and take the action at the top."],
        },
      },
    },
    expert: {
      who: "Expert, member of a science council: signs the declaration, scores and submits ballots.",
      home: "[[work.title]] shows the ballots you have to score and by when. Click a row to open it.",
      screenshotAlt: "The expert's home page: ballots to score",
      stops: {
        ballots: {
          title: "Score a council's ballots",
          what: "The councils you sit on.",
          steps: [
            "Open [[councils.navMine]], click the council's name.",
            "Read the declaration and click [[councils.declaration.sign]]; scoring is closed until you have signed.",
            "While the council is in session, score each criterion, [[councils.score.saveDraft]] if unfinished, then [[councils.score.submit]]. A submitted ballot cannot be changed.",
            "Until the council concludes you see only your own ballots.",
          ],
        },
        me: {
          title: "Keep your expert record up to date",
          what: "Your record in the registry and your consents.",
          steps: [
            "Open [[nav.myData]], click [[me.correct]] to update your contacts, degree and fields.",
            "[[me.exportXlsx]] downloads what the app holds about you.",
          ],
        },
        calendar: {
          title: "Meetings and deadlines",
          what: "The dates that concern you.",
          steps: [
            "Open [[calendar.nav]] for council meetings and the other deadlines that concern you, by [[calendar.monthView]] or as a [[calendar.listView]].",
          ],
        },
      },
    },
    pi: {
      who: "Principal investigator: proposes tasks, applies for selection, carries tasks out and reports progress.",
      home: "[[work.title]] lists the calls accepting proposals or dossiers and the progress reports due (late ones marked [[work.overdueTag]]). Click a row to open the call or the report.",
      screenshotAlt: "The principal investigator's home page: reports due, calls accepting dossiers",
      stops: {
        calls: {
          title: "Find open calls",
          what: "Calls for ordered tasks and for selection; deadlines follow the server's clock.",
          steps: [
            "Open [[nav.calls]], open a call that accepts dossiers.",
            "In a call for proposals click [[calls.tasks.propose]]; in a selection call open the task and click [[tasks.dossier.create]].",
          ],
        },
        proposals: {
          title: "Send a task proposal",
          what: "Your task proposals.",
          steps: [
            "Open [[proposals.nav]], click [[proposals.create]].",
            "Choose the call, fill in the title, objectives, expected products, [[proposals.fields.proposedBudget]] and [[proposals.fields.proposedMonths]], then save and send before the deadline.",
          ],
        },
        tasks: {
          title: "Your selection dossier",
          what: "Your tasks and the tasks accepting dossiers.",
          steps: [
            "Open [[tasks.nav.list]], tab [[tasks.views.mine]].",
            "Open the task and its dossier: complete every part and the required documents, then [[tasks.dossier.submit]]. A submitted dossier is locked.",
          ],
        },
        monitoring: {
          title: "Progress reports",
          what: "Tasks in progress, periodic reports and inspections.",
          steps: [
            "Open [[monitoring.nav]], tab [[monitoring.tabs.reports]].",
            "Open the report due, enter the work done, [[monitoring.saveDraft]] then [[monitoring.submit]].",
          ],
        },
        me: {
          title: "Your personal data",
          what: "Your registry record and what the app holds about you.",
          steps: ["Open [[nav.myData]]; [[me.exportXlsx]] downloads it, [[me.requestDeletion]] asks for your personal data to be deleted."],
        },
      },
    },
    org_rep: {
      who: "Representative of an organisation: the unit's statistical reports and the tasks it leads.",
      home: "[[work.title]] lists the statistical reports your unit must submit, the progress reports of the tasks it leads and the calls accepting dossiers. Late reports are marked [[work.overdueTag]].",
      screenshotAlt: "The organisation representative's home page: statistical reports due",
      stops: {
        statistics: {
          title: "Fill in and submit a statistical report",
          what: "The forms assigned to your unit.",
          steps: [
            "Open [[statistics.nav.my]], click a form's code.",
            "Click [[statistics.report.prefill]], or [[statistics.report.template]] then [[statistics.report.import]]; or type the figures. Total cells are computed.",
            "An empty cell means not reported; if your unit has nothing to report there, click [[statistics.report.fillZeros]].",
            "[[statistics.report.saveDraft]] to check, fix the listed errors, then [[statistics.report.submit]]. The [[guide.help.open]] button on the report's page recalls the rules.",
          ],
        },
        forms: {
          title: "Read the statistical forms",
          what: "The forms of Circular 15/2018/TT-BKHCN and the checks of each.",
          steps: ["Open [[statistics.nav.forms]], click a form's code for its tables, items and checks."],
        },
        monitoring: {
          title: "Follow your unit's tasks",
          what: "Tasks your unit leads, progress reports and periodic inspections.",
          steps: ["Open [[monitoring.nav]]; tab [[monitoring.tabs.reports]] to submit reports, [[monitoring.tabs.inspections]] for inspection findings."],
        },
        calls: {
          title: "Apply for selection",
          what: "Calls accepting dossiers.",
          steps: ["Open [[nav.calls]], the call, then the task, and click [[tasks.dossier.create]]."],
        },
        organisations: {
          title: "Your organisation's record",
          what: "The city's registry of S&T organisations.",
          steps: ["Open [[nav.organisations]], find your unit and click [[organisations.edit]] to update it."],
        },
      },
    },
    enterprise: {
      who: "Enterprise: proposes ordered tasks and applies for selection.",
      home: "[[work.title]] lists the calls accepting proposals or selection dossiers, with their deadlines.",
      screenshotAlt: "The enterprise's home page: calls accepting dossiers",
      stops: {
        calls: {
          title: "Find open calls",
          what: "Calls for ordered tasks and for selection.",
          steps: ["Open [[nav.calls]] and a call accepting dossiers; in a selection call open the task and click [[tasks.dossier.create]]."],
        },
        proposals: {
          title: "Send a task proposal",
          what: "Your enterprise's task proposals.",
          steps: ["Open [[proposals.nav]], click [[proposals.create]], fill it in and send it before the call's deadline."],
        },
        organisations: {
          title: "Find partners",
          what: "The registry of S&T organisations.",
          steps: ["Open [[nav.organisations]], search by name or tax code."],
        },
        me: {
          title: "My data",
          what: "What the app holds about your account.",
          steps: ["Open [[nav.myData]]; [[me.exportXlsx]] downloads it."],
        },
      },
    },
    admin: {
      who: "Administrator: accounts, audit log, code lists and processes.",
      home: "The administrator's [[work.title]] lists work waiting as the officer's does (reports to review, councils to form, conclusions).",
      screenshotAlt: "The administrator's home page",
      stops: {
        users: {
          title: "Manage accounts",
          what: "Accounts, their roles, locking an account.",
          steps: [
            "Open [[nav.users]], click [[users.create]].",
            "Choose the roles; the administrator, leader, finance and expert roles must sign in with two-factor authentication.",
          ],
        },
        audit: {
          title: "Audit log",
          what: "Every write and every refused access, protected by a hash chain.",
          steps: ["Open [[nav.audit]], filter by user or date; [[audit.verify]] checks the hash chain."],
        },
        codeLists: {
          title: "Code lists",
          what: "Code tables from legal texts, versioned with their effective dates.",
          steps: ["Open [[nav.codeLists]], choose a list to see its versions."],
        },
        processes: {
          title: "Processes",
          what: "Each process's steps, actions, roles and conditions, by version.",
          steps: ["Open [[nav.processes]], click a version for its steps and legal bases."],
        },
        deletion: {
          title: "Deletion requests",
          what: "Users' requests to delete their personal data.",
          steps: ["Open [[nav.deletionRequests]], examine each request and accept or refuse it with a reason."],
        },
      },
    },
  },
  help: {
    fundingPlan: {
      title: "Reading the funding plan",
      sections: [
        {
          heading: "The cost table",
          points: [
            "The table is the plan's 2014–2020 S&T cost estimate, with the figures exactly as printed (e.g. 1.223,584 billion đồng).",
            "Each row: social investment total = recurrent + development (half each); the city budget split the same way; other sources = social total − city budget; their share = other ÷ social total × 100; the total row = the sum of the seven years.",
            "Every relation is checked on the printed figures at their printed precision: exact; equal after rounding; explainable by rounding of the printed decimals; explainable only if the whole numbers were rounded too; inconsistent beyond any rounding (an error, listed first).",
            "The plan prints neither city spending nor GRDP, so the 2 % of spending and 1.5–2 % of GRDP targets cannot be checked from the print; those inputs are implied and marked [[fundingPlans.implied]].",
          ],
        },
        {
          heading: "What-if scenarios",
          points: [
            "A scenario is a model, not a check of the print: change each year's inputs (GRDP, city spending, the shares) and the other columns are recomputed and shown beside the baseline's model with the difference.",
            "A saved scenario is a new version that cannot be changed; to change it, start a new scenario from it.",
          ],
        },
        {
          heading: "Actuals against the plan",
          points: [
            "Each year's actual allocation (recurrent and development, with its source) is compared with the plan and with 2 % of the city's spending.",
            "City spending and GRDP come from the series on the plan targets page.",
          ],
        },
      ],
      sources: [`${planCitation([861, 954], "en")} (cost estimate)`],
    },
    statisticsReport: {
      title: "Filling in and reviewing a statistical report",
      sections: [
        {
          heading: "Entering figures",
          points: [
            "Total cells are computed from their parts, never typed; the server computes them again at every save, Excel import and submission. A total in a file that differs from its parts gives a warning naming the value used.",
            "An empty cell means not reported; 0 is a reported zero.",
            "[[statistics.report.fillZeros]] puts 0 in every empty input cell of the tables, for a unit with nothing to report there; filled cells, general fields and totals are left alone. It is the reporter's choice, never a default.",
            "Figures are typed in Vietnamese notation (1.234.567,5) or English when the app is in English. Text that is not a number stays, marked; the report is not saved until it is fixed.",
          ],
        },
        {
          heading: "Saving and submitting",
          points: [
            "A draft may be saved incomplete; each message appears once in the list above the form, and a click goes to its cell.",
            "A required table must be complete before submission; a report with errors cannot be submitted. Once submitted, the unit cannot change it unless it is returned.",
          ],
        },
        {
          heading: "Review",
          points: [
            "The Department approves a report without errors, or returns it with a comment for the unit to fix and submit again.",
            "An approved report is locked and counted in the consolidated figures; only a leader may withdraw the approval, with a reason written to the audit log.",
          ],
        },
      ],
      sources: ["Circular 15/2018/TT-BKHCN (statistical reporting of the S&T sector)"],
    },
    council: {
      title: "Council rules",
      sections: [
        {
          heading: "Members and quorum",
          points: [
            "The number of members, their roles, the scoring criteria and pass marks follow the rule set of the council's kind, shown under [[councils.fields.ruleNote]] on this page.",
            "A session is valid with at least 2/3 of the members present, including the chair (or a vice-chair authorised to chair) and, depending on the kind, the reviewers and the scientific secretary.",
          ],
        },
        {
          heading: "Conflicts of interest",
          points: [
            "Conflicts are checked when a member is added, when the invitations go out, before each ballot is accepted and at conclusion: principal investigator or team member; staff of the applicant or proposing organisation; affiliated with it in the last 3 years; co-member of a task with the PI in the last 5 years.",
            "A member with a conflict is blocked until replaced, recorded absent, or a leader overrides it with a reason (audited).",
            "Each member signs a no-conflict declaration before scoring; for a member taking part on paper, an officer records the paper declaration and ballots.",
          ],
        },
        {
          heading: "Confidential scoring",
          points: [
            "Before conclusion a member sees only their own ballots, and officers only who has submitted. A submitted ballot cannot be changed.",
            "Applicants see only their own dossier's aggregated result, never individual scores or other dossiers' ranks.",
          ],
        },
        {
          heading: "Conclusion",
          points: [
            "[[councils.action.conclude]] checks the quorum and conflicts, computes the results and locks the council. In a selection council a ballot more than 20 % from the average is invalid; dossiers rank by the average of valid ballots plus the priority bonus.",
            "Only a leader may reopen a concluded council, with a reason.",
          ],
        },
      ],
      sources: [
        "TT 06/2023/TT-BKHCN (identification), TT 08/2017/TT-BKHCN and TT 20/2023/TT-BKHCN (selection, direct assignment), TT 55/2015/TTLT-BTC-BKHCN (budget appraisal), TT 11/2014/TT-BKHCN (acceptance)",
      ],
    },
  },
};

export default texts;
