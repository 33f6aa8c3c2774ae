//! The people a case starts with and may add: names in several scripts, look-alikes that make
//! a prefix ambiguous, and a person whose tags, company and can-help-with text contain the
//! letters of names nobody has ("sarah" in "West African fintech").

/// A person written into the folder before the case starts.
pub struct Seed {
    pub id: &'static str,
    pub name: &'static str,
    pub aliases: &'static [&'static str],
    /// Other keys of the file: things a WHO must never be matched against.
    pub extra: &'static str,
    /// Spellings of the name that fold to it (case, Latin accents).
    pub folds: &'static [&'static str],
}

pub const SEEDS: &[Seed] = &[
    Seed {
        id: "kwame-asante",
        name: "Kwame Asante",
        aliases: &[],
        extra: "tags = [\"ghana\", \"fintech\"]\ncan_help_with = [\"West African fintech\"]\n",
        folds: &["kwame asante", "KWAME ASANTE"],
    },
    Seed {
        id: "ada-lovelace",
        name: "Ada Lovelace",
        aliases: &["Countess of Lovelace"],
        extra: "company = \"Analytical Engines\"\n",
        folds: &["ada lovelace", "countess of lovelace"],
    },
    Seed {
        id: "ada-byron",
        name: "Ada Byron",
        aliases: &[],
        extra: "tags = [\"poetry\"]\n",
        folds: &["ADA BYRON"],
    },
    Seed {
        id: "zoe-muller",
        name: "Zoë Müller",
        aliases: &[],
        extra: "",
        folds: &["Zoe Muller", "zoë müller", "ZOE MULLER"],
    },
    Seed {
        id: "chloe-durand",
        name: "Chloé Durand",
        aliases: &[],
        extra: "role = \"Sommelière\"\n",
        folds: &["chloe durand", "Chloe Durand"],
    },
    Seed {
        id: "anna-petrova",
        name: "Анна Петрова",
        aliases: &[],
        extra: "",
        folds: &["анна петрова", "АННА ПЕТРОВА"],
    },
    Seed {
        id: "eleni-papadopoulou",
        name: "Ελένη Παπαδοπούλου",
        aliases: &[],
        extra: "",
        folds: &["ελένη παπαδοπούλου"],
    },
    Seed {
        id: "wang-fang",
        name: "王芳",
        aliases: &[],
        extra: "",
        folds: &[],
    },
    Seed {
        id: "layla-haddad",
        name: "ليلى حداد",
        aliases: &[],
        extra: "",
        folds: &[],
    },
    Seed {
        id: "aiko-tanaka",
        name: "Aiko Tanaka",
        aliases: &[],
        extra: "company = \"Petersen & Co\"\ncan_help_with = [\"property letters\"]\n",
        folds: &["aiko tanaka"],
    },
];

/// People a case may add with `rolo add` (none folds to a seeded name).
pub const NEWCOMERS: &[&str] = &[
    "Борис Иванов",
    "Sarah Okafor",
    "Σοφία Νικολάου",
    "李娜",
    "Ada King",
    "عمر فاروق",
];

/// Names nobody has at the start. Some are letters-in-order of other people's tags, company
/// or can-help-with text, one is a Cyrillic name beside «Анна».
pub const STRANGERS: &[&str] = &[
    "sarah",
    "peter",
    "Борис",
    "Σοφία",
    "fintech",
    "ghana",
    "nobody",
    "李",
];

/// Ways to say when something is due, as typed.
pub const DUES: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "tomorrow",
    "2027-01-15",
];

/// The contact file a seed starts with.
pub fn seed_toml(s: &Seed) -> String {
    let mut out = format!("name = {}\n", quoted(s.name));
    if !s.aliases.is_empty() {
        let list: Vec<String> = s.aliases.iter().map(|a| quoted(a)).collect();
        out.push_str(&format!("aliases = [{}]\n", list.join(", ")));
    }
    out.push_str(s.extra);
    out
}

pub fn quoted(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}
