// The shapes the backend returns (crates/resolute/src/app, serde snake_case). Every offset is
// a UTF-16 code unit offset into the editor's text, as CodeMirror counts.

export type Kind = "preambular" | "operative";

export interface Label {
  from: number;
  label: string;
}

export interface OutlineEntry {
  label: string;
  kind: string;
  level: number;
  text: string;
  from: number;
  to: number;
  diagnostics: number;
}

export interface AppFix {
  label: string;
  from: number;
  to: number;
  insert: string;
}

export interface AppDiagnostic {
  rule: string;
  severity: "error" | "warning" | "info";
  from: number;
  to: number;
  message: string;
  fixes: AppFix[];
}

export interface Range {
  from: number;
  to: number;
}

export interface CitationSpan {
  from: number;
  to: number;
  key: string;
  text: string;
}

export interface Analysis {
  labels: Label[];
  outline: OutlineEntry[];
  diagnostics: AppDiagnostic[];
  openings: Range[];
  citations: CitationSpan[];
  footnote_marks: Range[];
  /** The front matter block, "---" to "---". */
  front_matter: Range | null;
  /** The masthead fields of the front matter (empty without one); null when it does not read. */
  header: Header | null;
  /** The negotiation layer, when the draft names a stage. */
  negotiation: NegotiationView | null;
}

/** The masthead fields the document view edits (the front matter). */
export interface Header {
  /** The organ's full name: "General Assembly". */
  body: string | null;
  session: string | null;
  agenda_item: string | null;
  symbol: string | null;
  title: string | null;
  sponsors: string[];
  /** The session as the masthead prints it ("Eighty-first session"); read only. */
  session_heading?: string | null;
  /** "Second Committee" for an A/C.2/… symbol; read only. */
  committee?: string | null;
  /** "Distr.: Limited" / "Distr.: General"; read only. */
  distribution?: string | null;
  /** False when the front matter holds comments the fields would not keep; read only. */
  editable?: boolean;
}

export type EditorView = "document" | "source";
export interface Settings {
  view: EditorView;
}

export interface AppBracket {
  from: number;
  to: number;
  depth: number;
  kind: "text" | "placeholder" | "status" | "empty";
  group: number | null;
  alternative: number | null;
  attribution: string | null;
  attribution_range: Range | null;
}

export interface AppAnnotation {
  from: number;
  to: number;
  kind: "label" | "status" | "note";
  text: string;
}

export interface AppParagraphState {
  label: string;
  from: number;
  status: string | null;
  brackets: number;
  alternatives: number;
  placeholders: number;
  actors: string[];
}

export interface ActorState {
  name: string;
  proposed: number;
  delete: number;
  retain: number;
  /** The first bracket it is named on. */
  from: number | null;
}

export interface NegotiationTotals {
  pairs: number;
  unbalanced: number;
  max_depth: number;
  alternatives: number;
  placeholders: number;
  paragraphs: number;
  agreed: number;
  pending: number;
  deleted: number;
  open_paragraphs: number;
  attributed: number;
  notes: number;
  empty: number;
}

export interface NegotiationView {
  stage: string;
  brackets: AppBracket[];
  annotations: AppAnnotation[];
  unmatched: Range[];
  paragraphs: AppParagraphState[];
  actors: ActorState[];
  totals: NegotiationTotals;
}

export interface PhraseItem {
  phrase: string;
  kind: Kind;
  frequency: number;
  insert: string;
}

export interface Completions {
  kind: Kind;
  from: number;
  prefix: string;
  items: PhraseItem[];
}

export interface TextEdit {
  from: number;
  to: number;
  insert: string;
  cursor: number;
}

export interface ParagraphAt {
  label: string;
  kind: string;
  from: number;
  to: number;
  text: string;
}

/** An amendment shown against the draft (resolute::app::AmendmentView). */
export interface AmendmentView {
  symbol: string | null;
  proposers: string;
  target: string;
  note: string | null;
  instructions: {
    n: number;
    text: string;
    outcome: { n: number; kind: string; targets: string[]; status: string; located_by: string; message: string };
    effects: { label: string; before: string | null; after: string | null }[];
  }[];
}

/** The welcome view's "New resolution" form (resolute::app::NewDraft). */
export interface NewDraftForm {
  organ: string;
  session: string;
  agenda_item: string;
  title: string;
  sponsors: string[];
}

export interface OpenedDraft {
  path: string | null;
  name: string;
  text: string;
  imported: boolean;
}

export interface Recovery {
  text: string;
  /** Milliseconds since the Unix epoch. */
  saved_at: number;
  path: string | null;
}

export interface Startup {
  file: OpenedDraft | null;
  error: BackendError | null;
  recoveries: Recovery[];
  recent: string[];
  settings: Settings;
}

export interface BackendError {
  code: string;
  message: string;
}

/** The draft laid out as the DOCX export lays it out (resolute::app::PrintDocument). */
export interface PrintDocument {
  /** Page size and margins in twips (1/1440 inch). */
  page: { width: number; height: number; top: number; right: number; bottom: number; left: number };
  blocks: PrintBlock[];
  notes: { mark: string; text: string }[];
}

export interface PrintBlock {
  /** The Word style of the export: Symbol, BodyName, HeadingBlock, Sponsors, ResTitle, Enacting, Preambular, Operative, Sub1, Sub2, SectionHeading. */
  style: string;
  /** The number or label hanging before the text ("3.", "(a)"). */
  label: string | null;
  /** Runs of text; "\n" is a line break; a note is a footnote mark. */
  spans: { text: string; italic: boolean; note: boolean }[];
}

export interface Hit {
  symbol: string;
  body: string | null;
  date: string | null;
  kind: string;
  n: number;
  text: string;
  score: number;
  /** The text with matches wrapped in `**` (plain text, never HTML). */
  highlight: string;
  /** "A/RES/78/150, OP 3". */
  reference: string;
  section: string | null;
  year: number | null;
}

export interface SearchGroup {
  symbol: string;
  title: string | null;
  score: number;
  hits: Hit[];
}

/** Matching paragraphs one organ adopted in one year. */
export interface YearUsage {
  body: string;
  year: number;
  resolutions: number;
  paragraphs: number;
}

export interface SearchResults {
  total_paragraphs: number;
  groups: SearchGroup[];
}

export interface Counts {
  resolutions: number;
  paragraphs: number;
}

export interface Stats {
  files: number;
  resolutions: number;
  paragraphs: number;
  metadata_rows: number;
  by_body: Record<string, Counts>;
  by_year: Record<string, Counts>;
}

export interface Progress {
  files_done: number;
  files_total: number;
  bytes_done: number;
  bytes_total: number;
  files_per_sec: number;
  eta_secs: number | null;
  current: string;
}

export interface FileFailure {
  path: string;
  reason: string;
  [key: string]: unknown;
}

export interface ImportSummary {
  files: number;
  added: number;
  replaced: number;
  unchanged: number;
  failed: FileFailure[];
  paragraphs: number;
  metadata_rows: number;
  seconds: number;
}

export interface CitationCard {
  symbol: string;
  title: string | null;
  date: string | null;
  body: string | null;
  paragraphs: number;
  /** How it was adopted (meeting, recorded vote or none), from the imported metadata. */
  adoption: string | null;
  /** The main sponsors of its draft, when known. */
  sponsors: string | null;
}

export interface ResolutionParagraph {
  label: string;
  kind: string;
  text: string;
}

export interface ResolutionText {
  symbol: string;
  title: string | null;
  date: string | null;
  body: string | null;
  paragraphs: ResolutionParagraph[];
}

export interface DiffOp {
  op: "equal" | "insert" | "delete";
  text: string;
}

export interface Precedent extends Hit {
  diff: DiffOp[];
}

export interface Occurrence {
  symbol: string;
  date: string | null;
  year: number | null;
  reference: string;
}

export interface Lineage {
  wording: string;
  occurrences: number;
  earliest: Occurrence;
  latest: Occurrence;
}

export interface Precedents {
  precedents: Precedent[];
  lineage: Lineage | null;
}

/** The previous round of a negotiation, in the draft format (resolute::app::PreviousRound). */
export interface PreviousRound {
  name: string;
  text: string;
}

/** One paragraph's progress since the previous round (resolute::app::RoundRow). */
export interface RoundRow {
  old: string | null;
  new: string | null;
  change: "same" | "changed" | "added" | "deleted";
  brackets: [number, number];
  closed: number;
  opened: number;
  settled: number;
  newly_agreed: boolean;
  from: number | null;
}

/** What moved since the previous round (resolute::app::RoundProgressView). */
export interface RoundProgressView {
  totals: {
    old_pairs: number;
    new_pairs: number;
    closed: number;
    opened: number;
    settled: number;
    newly_agreed: number;
    added: number;
    deleted: number;
    open_paragraphs: number;
  };
  paragraphs: RoundRow[];
}

/** A library pack brought into the library (resolute_library::PackAdded). */
export interface PackAdded {
  path: string;
  adopted: boolean;
  added: number;
  replaced: number;
  unchanged: number;
  stats: Stats;
  seconds: number;
}

/** A library pack written (resolute_library::PackSummary). */
export interface PackSummary {
  path: string;
  bytes: number;
  files: number;
  stats: Stats;
  seconds: number;
}
