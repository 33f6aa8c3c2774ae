//! The generator's data tables: first and last names, companies, roles, skills and the
//! sentence templates it fills in. Kept apart so the generator's logic reads on one screen.

/// Transliterations for the non-ASCII letters used in the name lists.
pub const FOLD: &str = "àa áa âa ãa äa åa ąa çc ćc čc èe ée êe ëe ęe ěe ìi íi îi ïi ıi ñn ńn òo óo ôo \
    õo öo øo őo ùu úu ûu üu űu śs šs şs źz żz žz łl ğg ýy ÿy ßss æae";

/// Declares `Words`: one list per field, written as '|'-separated text.
macro_rules! words {
    ($($field:ident: $text:expr,)*) => {
        pub struct Words { $(pub $field: Vec<&'static str>,)* }
        impl Words {
            pub fn new() -> Words { Words { $($field: $text.split('|').collect(),)* } }
        }
    };
}

// {n} {m}: first names of the first and last person; {o}: someone's full name;
// {p} {e} {t} {s}: a place, event, topic or skill. First names may carry "/Nickname".
words! {
    first: "Ada|Adrian|Aiko|Alejandro|Aleksander/Olek|Alexander/Alex|Amara|Amelie|Anders|Andrés|Anna|\
        Antoine|Arjun|Astrid|Ayşe|Beatriz/Bea|Benjamin/Ben|Björn|Camille|Carlos|Chen|Chiara|Chloé|\
        Daniel/Dan|Dmitri/Dima|Elena|Elif|Elizabeth/Liz|Emil|Emma|Esther|Fatima|Felix|Francesca/Fran|\
        Gabriel|Giulia|Grace|Hana|Hannah|Hugo|Inès|Ingrid|Isabel/Isa|Jakub/Kuba|Javier|Johanna/Jo|Jonas|\
        José|Julia|Kai|Karim|Katarzyna/Kasia|Kenji|Klara|Kofi|Lars|Laura|Léa|Leon|Lina|Luca|Lucía|Łukasz|\
        Magdalena/Magda|Malik|Marco|Margarethe/Grete|Maria|Mateo|Matthias/Matze|Mei|Mikael|Nadia|\
        Nikolai/Kolya|Noor|Olga|Omar|Paula|Priya|Rafael/Rafa|Rahul|Ren|Samuel/Sam|Sebastian/Basti|Sofia|\
        Søren|Sven|Tariq|Theresa/Resi|Thomas/Tom|Tomás|Valentina/Vale|Wojciech/Wojtek|Yara|Yusuf|Zeynep|Zoë",
    last: "Abramowitz|Adeyemi|Almeida|Asante|Bauer|Becker|Bergström|Bianchi|Brandt|Carter|Castillo|Chen|\
        Costa|Dąbrowski|Demir|Dubois|Eriksen|Esposito|Fernández|Fischer|Fontaine|García|González|Günther|\
        Haddad|Hahn|Hartmann|Hoffmann|Ivanova|Jansen|Kaya|Keller|Kim|Kowalski|Krause|Kühn|Larsen|Lehmann|\
        Lindqvist|López|Mahmoud|Meyer|Moreau|Müller|Nakamura|Nguyen|Novák|Nowak|Nyström|O'Brien|Okafor|\
        Öztürk|Park|Patel|Petrova|Popescu|Qureshi|Ramos|Raman|Rossi|Sato|Schäfer|Schmidt|Schulz|Silva|\
        Sokolov|Suzuki|Szabó|Tanaka|Taylor|Vogel|Wagner|Weber|Wiśniewski|Wójcik|Yamamoto|Yılmaz|Żak",
    tag: "berlin|london|hamburg|lisbon|remote|family|friends|neighbours|rust|climate|founders|investors|\
        design|hiring|community|running|music|research|policy|open-source|fintech|health|mentors|food",
    company: "Frachtwerk|Lieferpunkt|Wärmeplan|Spree Ventures|Studio Nordlicht|Bahnwerk Systems|Kiezbau|\
        Radweg Mobility|Tidewater Labs|Kompostkreis|Sika Pay|Charité|TU Berlin|Klimaforum|Nordwind Energie|\
        Ostkreuz Analytics|Café Ufer|Hafenlicht|Datenfluss|Tiefsee Robotics|Kranich Health|Freelance",
    role: "Software engineer|Senior Rust engineer|Staff engineer|Engineering manager|CTO|Founder|\
        Co-founder & CEO|Product designer|UX researcher|Data scientist|Product manager|Partner|\
        Angel investor|Tax advisor|Immigration lawyer|Recruiter|Community lead|Nurse|Teacher|Journalist|\
        Operations manager|Head of people|Consultant|PhD student",
    skill: "hiring rust engineers|seed fundraising|UX research|German tax law|visa paperwork|\
        Berlin flat hunting|pitch deck review|design systems|usability testing|PostgreSQL tuning|Kubernetes|\
        embedded Rust|salary negotiation|grant applications|conference talk coaching|public speaking|\
        copywriting|brand design|hiring product designers|finding co-founders|B2B sales|employment law|\
        bookkeeping|event venues|catering for events|Spanish translation|Polish translation|\
        Japanese market entry|data engineering|machine learning|security audits|open source grants|\
        angel investing|EU climate policy|mentoring junior engineers|iOS development|photography",
    need: "Advice on {s}|Help with {s}|Someone who knows {s}|An intro to someone good at {s}|\
        A flat in Berlin, two rooms near a U-Bahn|A job as a product designer|An intro to a seed investor|\
        Beta testers for a new app|A technical co-founder|A venue for a meetup of 60 people|\
        Feedback on a conference talk proposal|A reference for a job application|A second client|\
        A lawyer for a rental dispute|A tax advisor who speaks English|A mentor for a junior engineer",
    how: "Introduced them to {o}|Sent a short list of three people|Did it myself over a weekend|\
        Found someone through the Rust Berlin Slack|Posted it in a newsletter; two replies|\
        A friend of theirs came through in the end",
    met: "Rust Berlin meetup|a climate tech evening|a conference in Lisbon|a friend's wedding|\
        the co-working space|university|an old job|a hackathon|parkrun|a founder dinner|an online community",
    note: "Has two kids.|Prefers calls to email.|Vegetarian.|Moving to Hamburg next year.|Plays the cello.|\
        Training for a marathon.|Learning German.|Just had a baby.|Writes a small newsletter.|\
        Always late, always apologetic.|Lives in Neukölln.|Commutes from Potsdam.|Has a dog called Biscuit.",
    middle: "We talked about {t}.|{n} is thinking a lot about {t}.|Mostly about {t}.|\
        {n} asked what I think about {t}.|Long tangent about {t}.",
    closer: "Promised to send {n} a link.|{n} will get back to me next week.|Need to follow up in a month.|\
        {n}'s partner says hi.|Good energy overall.|Tired but upbeat.|Agreed to meet again soon.",
    gave: "Shared my notes on {t}|Reviewed their CV|Sent a list of contacts|Lent them a book|\
        Reviewed their pitch deck|Fixed a bug in their side project|Wrote a recommendation",
    asked: "Asked for feedback on my talk|Asked about rates for contract work|Asked for an intro to their CTO|\
        Asked for a book recommendation|Asked if they know a good tax advisor|Asked them to beta test my tool",
    follow: "Send {n} the article we talked about|Call {n} about {t}|Introduce {n} to {o}|\
        Check in with {n} about {t}|Reply to {n}'s email|Book dinner with {n}|Send {n} a thank-you note",
    domain: "example.com|example.org|example.net|mail.example|posteo.example",
    phone: "+49 30 5550 |+49 151 5550 |+49 176 5550 |+44 20 7946 |+1 212 555 |+33 1 99 00 |+48 22 555 ",
    place: "Café Ufer|the canal|Markthalle Neun|Mauerpark|a place in Mitte|their office|Tempelhofer Feld|\
        the co-working space|a Vietnamese place in Kreuzberg",
    event: "a Rust meetup|a climate tech evening|a founder dinner|a conference|a birthday party|\
        a gallery opening|a hackathon|a book launch",
    topic: "hiring for the new team|their fundraising|a move to Lisbon|the new job|their kids starting school|\
        burnout and boundaries|Rust error handling|the next meetup|a side project|German bureaucracy|\
        flat hunting|the heat pump market|a trip to Japan|a book they loved|their startup's pricing|\
        visa renewals|a conference talk|an offer from a competitor",
    // One list per kind, in the order of KINDS.
    k0: "Note to self about {n}.|Heard news about {n} from a friend.|Thinking about how to help {n}.",
    k1: "Coffee with {n} at {p}.|Lunch with {n} near {p}.|Breakfast with {n} at {p}.|Beers with {n} at {p}.",
    k2: "Call with {n}.|Quick call with {n}.|Long phone call with {n}.|Video call with {n}.",
    k3: "Message from {n}.|Texted {n}.|{n} sent a voice note.|Chatted with {n} on Signal.",
    k4: "Email from {n}.|Wrote to {n}.|Long email exchange with {n}.",
    k5: "Meeting with {n}.|Workshop with {n}.|Planning session with {n}.",
    k6: "Ran into {n} at {e}.|Saw {n} at {e}.|Went to {e} with {n}.",
    k7: "Introduced {n} to {m}.|Connected {n} and {m} by email.",
    k8: "Sent {n} a birthday card.|Brought {n} a book.|Dropped off flowers for {n}.",
}
