//! The vocabulary every stage shares: what a rule is, its level, and how
//! serious a finding is. At the bottom of the crate: it imports nothing
//! from it, so that the model, the findings and every stage can name rules.

/// Everything known about one rule but its check: the registry
/// ([`crate::rules`]) pairs each rule with the function that checks it.
pub struct Rule {
    /// Stable code, such as `C004`. Never reused.
    pub code: &'static str,
    /// Stable kebab-case name, such as `duplicate-id`.
    pub name: &'static str,
    /// The level unless the ledger or the command line changes it.
    pub default_level: Level,
    /// Whether the level is fixed (syntax and schema errors cannot be allowed:
    /// nothing after them could be trusted).
    pub fixed_level: bool,
    /// The `help:` to show instead of the rule's own when an editing command
    /// (`update`, `add`, ...) caused the finding: there the user fixes it
    /// with a flag, not by writing TOML.
    pub edit_help: Option<&'static str>,
    /// One line for `commitments rules`.
    pub summary: &'static str,
    /// Markdown with the headings "What it checks", "Why" and "Example",
    /// printed by `commitments explain`.
    pub doc: &'static str,
}

impl std::fmt::Debug for Rule {
    /// The code and name: the rest is documentation.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Rule({} {})", self.code, self.name)
    }
}

/// Codes are unique, so a rule is known by its code.
impl PartialEq for Rule {
    fn eq(&self, other: &Self) -> bool {
        self.code == other.code
    }
}

impl Eq for Rule {}

/// How a rule's findings are treated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, schemars::JsonSchema)]
#[schemars(rename_all = "snake_case")]
pub enum Level {
    /// Not reported.
    Allow,
    /// Reported; `check` still passes.
    Warning,
    /// Reported; `check` fails.
    Error,
}

impl Level {
    /// Every level, as written in the ledger.
    pub const ALL: [Level; 3] = [Level::Error, Level::Warning, Level::Allow];

    /// The spelling in the ledger and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Allow => "allow",
            Level::Warning => "warning",
            Level::Error => "error",
        }
    }

    /// The severity findings get at this level; `None` for `allow`.
    pub fn severity(self) -> Option<Severity> {
        match self {
            Level::Allow => None,
            Level::Warning => Some(Severity::Warning),
            Level::Error => Some(Severity::Error),
        }
    }
}

/// How serious a reported finding is, once levels are applied.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// Makes `check` exit 1.
    Error,
    /// Reported, but `check` still exits 0.
    Warning,
}

impl Severity {
    /// `error` or `warning`.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}
