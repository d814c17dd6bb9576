// Official documents (.docx) in the format of NĐ 30/2020/NĐ-CP: the builder, formatting rules and one generator per
// document. Generators take plain typed input (no database access) and return the .docx bytes.
export * from "./format.js";
export { buildNd30, renderNd30, recipientLines, punctuateBases, headerLayout, textWidthTwips, DOCX_MEDIA_TYPE, PAGE, MARGIN, TEXT_WIDTH } from "./nd30.js";
export type { Issuer, Signer, Signature, Block, Run, Text, Nd30Document } from "./nd30.js";
export { issuerFromConfig, assertHeaderFits, defaultSigner, headTitle, bodyName } from "./issuer.js";
export { callNotice, type CallNoticeInput, type CallNoticeTask } from "./call-notice.js";
export {
  councilEstablishmentDecision,
  COUNCIL_NAME_VI,
  type CouncilEstablishmentInput,
  type CouncilMemberLine,
  type CouncilKindVi,
} from "./council-establishment.js";
export {
  councilMinutes,
  meetingEnd,
  meetingEnded,
  meetingPeriod,
  scoreAverages,
  type CouncilMinutesInput,
  type MinutesGeneral,
  type BallotsSummary,
  type ScoreTable,
  type RankingLine,
} from "./council-minutes.js";
export { approvalDecision, budgetTotal, type ApprovalDecisionInput, type BudgetLine } from "./approval-decision.js";
export { contract, type ContractInput, type ContractParty } from "./contract.js";
export { acceptanceMinutes, GRADE_VI, type AcceptanceMinutesInput, type Grade } from "./acceptance-minutes.js";
export { registrationCertificate, type RegistrationCertificateInput } from "./registration-certificate.js";
export {
  scientificCv,
  buildScientificCv,
  SCIENTIFIC_CV_FORM,
  SCIENTIFIC_CV_TITLE,
  NONE,
  CONTACT_WITHHELD,
  type ScientificCvInput,
  type CvTable,
} from "./scientific-cv.js";
