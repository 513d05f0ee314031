//! What a check reports.

use resolute_draft::Span;
use serde::Serialize;

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth knowing; nothing is wrong as far as the checker can tell.
    Info,
    /// Probably wrong; a human should look.
    Warning,
    /// Wrong: the text would be corrected by UN editors.
    Error,
}

impl Severity {
    /// "error", "warning" or "info", as in the JSON output.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// A replacement for the diagnostic's span that resolves it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Fix {
    /// Text to put in place of the span.
    pub replacement: String,
}

/// One finding: a named rule, how serious, where, what, and how to fix it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// The rule's stable name, "family/rule": "structure/operative-end".
    pub rule: &'static str,
    /// How serious.
    pub severity: Severity,
    /// Byte span in the checked source.
    pub span: Span,
    /// One sentence for the drafter.
    pub message: String,
    /// A replacement for `span`, when the checker knows the right text.
    pub fix: Option<Fix>,
}

impl Diagnostic {
    /// A diagnostic without a fix.
    pub fn new(rule: &'static str, severity: Severity, span: Span, message: String) -> Self {
        Diagnostic {
            rule,
            severity,
            span,
            message,
            fix: None,
        }
    }

    /// The same diagnostic with a fix.
    pub fn with_fix(mut self, replacement: impl Into<String>) -> Self {
        self.fix = Some(Fix {
            replacement: replacement.into(),
        });
        self
    }
}
