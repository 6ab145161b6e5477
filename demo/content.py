"""Demo content for the Newsroom site: categories, staff, outlets, articles and comments.

Plain data only, used by the demo seeding code. All companies, products, people and
outlets named here are fictional.
"""

# (path, name, description); the parent path is everything before the last "/".
CATEGORIES = [
    (
        "news",
        "News",
        "Daily reporting on the technology industry, from boardrooms to research labs.",
    ),
    (
        "news/it-news",
        "IT news",
        "Chips, cloud services, artificial intelligence and the software business.",
    ),
    (
        "news/security",
        "Security",
        "Breaches, vulnerabilities, scams and the people working to stop them.",
    ),
    (
        "news/science",
        "Science",
        "Research with a technology angle, from batteries to climate and biology.",
    ),
    (
        "news/science/space",
        "Space",
        "Rockets, satellites, rovers and the business of getting to orbit.",
    ),
    (
        "news/electric-cars",
        "Electric cars",
        "Electric vehicles, batteries, charging networks and the road ahead.",
    ),
    (
        "reviews",
        "Reviews",
        "Hands-on tests of the gadgets and gear worth your money, and the ones that are not.",
    ),
    (
        "reviews/smartphones",
        "Smartphones",
        "In-depth phone reviews with battery, camera and display tests.",
    ),
    ("reviews/laptops", "Laptops", "Laptop reviews for work, school and everything in between."),
    (
        "reviews/laptops/gaming-laptops",
        "Gaming laptops",
        "Portable gaming machines tested for frame rates, heat and noise.",
    ),
    (
        "reviews/wearables",
        "Wearables",
        "Smartwatches, rings, earbuds and other tech you wear every day.",
    ),
    (
        "opinion",
        "Opinion",
        "Columns and commentary from our writers on where technology is heading.",
    ),
    ("gaming", "Gaming", "Consoles, handhelds, game studios and the culture around play."),
]

# (username, first_name, last_name)
AUTHORS = [
    ("mreyes", "Marta", "Reyes"),
    ("dokafor", "Daniel", "Okafor"),
    ("lchen", "Lena", "Chen"),
    ("tbergstrom", "Tomas", "Bergstrom"),
    ("pnair", "Priya", "Nair"),
]

# (name, url); fictional outlets on reserved .example domains.
SOURCE_OUTLETS = [
    ("Circuit Ledger", "https://circuit-ledger.example/"),
    ("Orbit Weekly", "https://orbit-weekly.example/"),
    ("Byte Harbor", "https://byteharbor.example/"),
    ("Patch Notes Gazette", "https://patchnotes-gazette.example/"),
    ("Volt & Road", "https://voltandroad.example/"),
    ("Lab Bench Review", "https://labbench-review.example/"),
    ("Packet Street Journal", "https://packet-street.example/"),
    ("Handheld Herald", "https://handheld-herald.example/"),
]

ARTICLES = [
    {
        "slug": "regional-broadband-fund-connects-rural-towns",
        "title": "Regional broadband fund brings fiber to 140 rural towns ahead of schedule",
        "category": "news",
        "lead": (
            "A public fund set up three years ago to wire remote communities has finished "
            "connecting 140 towns, eight months earlier than planned and slightly under its "
            "original budget."
        ),
        "paragraphs": [
            (
                "The program, which pooled money from regional governments and a levy on large "
                "network operators, set out to bring gigabit-capable fiber to towns where private "
                "carriers had declined to build. Officials said the final connection went live "
                "last week in a hill village of around 900 residents, completing the list of 140 "
                "towns eight months before the original deadline."
            ),
            (
                "Total spending came to roughly $410 million, about 4% less than the approved "
                "budget. Planners credited the savings to shared trenching with water and power "
                "utilities, which let crews lay ducts while roads were already open instead of "
                "digging twice. In several valleys, cables were also strung along existing "
                "electricity poles, a method that is cheaper but more exposed to storms."
            ),
            (
                "Building the network was only half the task. So far, about 38% of eligible "
                "households have signed up for a service plan, according to Byte Harbor, which "
                "obtained the figures from the fund's quarterly report. Organisers had hoped for "
                "50% by the end of the first year and are now offering free installation to "
                "pensioners and small farms to close the gap."
            ),
            (
                "Local business owners say the difference is already visible. A furniture workshop "
                "in one of the connected towns now uploads product videos that used to take a "
                "whole night, and a rural clinic has started offering remote consultations. "
                "Critics point out that monthly prices remain higher than in nearby cities, and "
                "that some isolated farms still fall outside the mapped coverage area."
            ),
        ],
        "subheading": "Take-up is the next test",
        "tags": ["broadband", "regulation"],
        "images": [
            {
                "alt": (
                    "A work crew feeding an orange fiber-optic duct into a trench beside a rural "
                    "road"
                ),
                "caption": "Crews shared trenches with utility projects to cut costs.",
                "credit": "Newsroom illustration",
            },
        ],
        "source": 6,
        "mention": 2,
        "authors": ["dokafor"],
        "days_ago": 14,
        "read_also": ["cloud-gaming-latency-test", "right-to-repair-rules-take-effect"],
    },
    {
        "slug": "right-to-repair-rules-take-effect",
        "title": (
            "New right-to-repair rules require spare parts for phones and laptops for seven years"
        ),
        "category": "news",
        "lead": (
            "Manufacturers selling phones, tablets and laptops must now stock spare parts and "
            "publish repair manuals for at least seven years after a model leaves the shelves, "
            "under rules that took effect this week."
        ),
        "paragraphs": [
            (
                "The regulation covers batteries, displays, charging ports, keyboards and cameras, "
                "and it applies to every device launched from this month onward. Makers must "
                "deliver parts to independent repair shops within ten working days and may not use "
                "software locks that stop a genuine replacement part from working simply because "
                "it was fitted by someone else."
            ),
            (
                "Batteries receive special attention. A phone battery must keep at least 80% of "
                "its original capacity after 800 full charge cycles, or the manufacturer has to "
                "make it replaceable with standard tools. Several companies have already "
                "redesigned their cases to use pull tabs and screws instead of strong adhesive, "
                "which repair technicians have complained about for years."
            ),
            (
                "The rules say parts must be sold at a 'reasonable' price but do not define the "
                "term, and consumer groups fear that some brands will charge so much for a screen "
                "that buyers simply replace the whole device. One early price list put a "
                "replacement display at 60% of the cost of a new phone, according to Handheld "
                "Herald."
            ),
            (
                "Industry associations say the seven-year requirement will raise warehousing costs "
                "and could push up retail prices slightly. Repair shops, on the other hand, expect "
                "more business and better access to diagnostic tools. Regulators have promised to "
                "review the pricing question within two years and say they will publish a public "
                "list of companies that fail to comply."
            ),
        ],
        "subheading": "Prices for parts remain a sticking point",
        "tags": ["regulation", "smartphones", "laptops", "batteries"],
        "images": [
            {
                "alt": (
                    "An opened smartphone on a repair mat with its battery, screen and screws laid "
                    "out beside it"
                ),
                "caption": "Batteries and displays are the parts replaced most often.",
                "credit": "Newsroom illustration",
            },
        ],
        "source": 2,
        "mention": 7,
        "authors": ["mreyes", "pnair"],
        "days_ago": 1,
        "read_also": [
            "opinion-seven-years-of-phone-updates",
            "framewood-studio-13-review",
            "lumora-a5-review",
        ],
    },
    {
        "slug": "arvane-meridian-192-core-server-chip",
        "title": "Arvane Semiconductors unveils 2nm server chip with 192 efficiency cores",
        "category": "news/it-news",
        "lead": (
            "Arvane's new Meridian server processor packs 192 cores onto a single package and, the "
            "company says, delivers twice the work per watt of its previous generation in typical "
            "cloud workloads."
        ),
        "paragraphs": [
            (
                "The Meridian chip is built on a 2-nanometer process and arranges its 192 cores in "
                "eight chiplets around a central input and output die. Each core runs at up to 3.4 "
                "GHz, and the whole package is rated at 350 watts. Arvane is aiming squarely at "
                "cloud providers that rent out large numbers of small virtual machines rather than "
                "a few very powerful ones."
            ),
            (
                "In the company's own benchmarks, a two-socket server with 384 cores handled "
                "web-serving and database tests at roughly twice the performance per watt of last "
                "year's model. Independent numbers are not yet available, and Arvane's tests used "
                "memory configurations that most customers are unlikely to buy, so analysts urged "
                "caution before drawing firm conclusions."
            ),
            (
                "The chip supports twelve channels of fast DDR5 memory per socket, plus a new "
                "attachment standard for pooling extra memory across servers. That matters for AI "
                "inference, where models often sit waiting for data rather than for arithmetic. "
                "Two large hosting firms have already committed to deploying Meridian systems next "
                "spring, according to Packet Street Journal."
            ),
            (
                "Arvane did not disclose pricing, saying only that it would be competitive with "
                "comparable parts from its rivals. Volume shipments are expected in the second "
                "quarter. The company also confirmed that a 96-core version aimed at edge data "
                "centers and telecom sites will follow later in the year, built from four chiplets "
                "instead of eight."
            ),
        ],
        "subheading": "Memory bandwidth is the headline",
        "tags": ["chips", "cloud", "ai"],
        "images": [
            {
                "alt": (
                    "A square processor package with eight small silicon tiles arranged around a "
                    "larger central die"
                ),
                "caption": "Meridian uses eight compute chiplets around a central die.",
                "credit": "Newsroom illustration",
            },
            {
                "alt": "Rows of server racks with blue status lights in a dim data center aisle",
                "caption": "Cloud providers are the main target for the new chip.",
                "credit": "Newsroom illustration",
            },
        ],
        "source": 0,
        "mention": 6,
        "authors": ["lchen"],
        "days_ago": 6,
        "read_also": ["brightforge-doubles-accelerator-production", "kestrel-air-14-review"],
    },
    {
        "slug": "quillon-ai-open-weight-model-runs-on-laptops",
        "feedback": {1: "quillspeed", 2: "quillfacts"},
        "title": "Quillon AI releases open-weight language model small enough to run on laptops",
        "category": "news/it-news",
        "lead": (
            "The startup's new 8-billion-parameter model can run offline on a laptop with 16 GB of "
            "memory, and its weights are free to download under a permissive licence that allows "
            "commercial use."
        ),
        "paragraphs": [
            (
                "Quillon AI, a 60-person company founded two years ago, says the model, called "
                "Quill-8, was trained mainly on licensed text, public-domain books and source code "
                "with clear licences. The firm published a list of its data sources alongside the "
                "weights, a step that researchers have repeatedly asked larger AI labs to take and "
                "that few have followed."
            ),
            (
                "On a mid-range laptop with 16 GB of memory, a compressed version of Quill-8 "
                "generates roughly 20 words per second, fast enough for drafting emails or "
                "summarising documents without sending any data to the cloud. The full-precision "
                "version needs about twice as much memory and is intended for servers or desktop "
                "machines with a dedicated graphics card."
            ),
            (
                "Early community tests suggest the model is good at writing and explaining short "
                "programs but more likely than larger systems to invent dates, names and "
                "citations. It scored well on coding benchmarks and noticeably lower on "
                "general-knowledge quizzes, according to Circuit Ledger, which ran a set of "
                "standard evaluations over the weekend."
            ),
            (
                "The licence lets companies build commercial products on top of Quill-8 as long as "
                "they keep an attribution notice. Quillon plans to make money by selling "
                "fine-tuning services and a hosted version with extra safety filters. The company "
                "says a larger model is in training but declined to say when it might be released "
                "or whether its weights will also be public."
            ),
        ],
        "subheading": "Strong at code, weaker at facts",
        "tags": ["ai", "open-source", "laptops"],
        "images": [
            {
                "alt": (
                    "A laptop on a kitchen table showing a chat window next to a crossed-out "
                    "network icon"
                ),
                "caption": "Quill-8 can run entirely offline on a recent laptop.",
                "credit": "Newsroom illustration",
            },
        ],
        "source": 5,
        "mention": 0,
        "authors": ["pnair"],
        "days_ago": 0,
        "read_also": ["developer-survey-ai-coding-assistants", "opinion-ai-buttons-everywhere"],
    },
    {
        "slug": "openfield-foundation-funds-open-source-maintainers",
        "title": "Openfield Foundation pledges $12 million to pay critical open-source maintainers",
        "category": "news/it-news",
        "lead": (
            "A new fund will pay stipends to developers who look after small but widely used "
            "open-source libraries, many of which are maintained by one or two volunteers in their "
            "spare time."
        ),
        "paragraphs": [
            (
                "The Openfield Foundation said the $12 million pool, backed by a group of software "
                "companies and two public research agencies, will be spent over three years. "
                "Maintainers can apply for stipends of up to $60,000 a year, and projects will be "
                "chosen based on how many other programs depend on them and how often they handle "
                "untrusted data."
            ),
            (
                "The first round will fund about 40 projects, including libraries for compressing "
                "files, parsing dates and handling image formats. Such components rarely make "
                "headlines, yet they sit inside web browsers, phones and industrial equipment. "
                "When one of them contains a serious bug, thousands of products can be affected at "
                "once, often before anyone realises the code is even there."
            ),
            (
                "The foundation has also set aside money for security audits. Each funded project "
                "will receive at least one independent review of its code in the first year, and "
                "maintainers will get help setting up automated testing. Around a third of the "
                "initial applicants had no second person able to publish releases, according to "
                "Packet Street Journal, which reviewed the application summaries."
            ),
            (
                "Developers welcomed the plan but warned that stipends alone will not fix burnout. "
                "Several maintainers said they mainly need help triaging bug reports and "
                "responding to companies that demand urgent fixes without contributing anything "
                "back. Openfield says it will publish a yearly report showing where the money went "
                "and which companies chose to contribute."
            ),
        ],
        "subheading": None,
        "tags": ["open-source", "security"],
        "images": [
            {
                "alt": (
                    "A developer's desk with two monitors showing code and a long list of open "
                    "issues"
                ),
                "caption": "Many key libraries are maintained by just one or two people.",
                "credit": "Newsroom illustration",
            },
        ],
        "source": 2,
        "mention": 6,
        "authors": ["tbergstrom"],
        "days_ago": 27,
        "read_also": [
            "opinion-fund-open-source-like-roads",
            "router-firmware-flaw-lanternfish-botnet",
        ],
    },
    {
        "slug": "cloud-outage-traced-to-expired-certificate",
        "title": "Six-hour cloud outage traced to a single expired internal certificate",
        "category": "news/it-news",
        "lead": (
            "A major hosting provider says a forgotten security certificate inside its own network "
            "caused last Tuesday's outage, which took thousands of customer websites and apps "
            "offline for most of the afternoon."
        ),
        "paragraphs": [
            (
                "In a detailed incident report, the provider, Stratacore, explained that an "
                "internal certificate used by its configuration service expired at 13:02 local "
                "time. Servers that relied on the service could no longer verify each other, and "
                "within minutes new virtual machines failed to start while existing ones gradually "
                "lost access to storage. Full service was restored just after 19:00."
            ),
            (
                "Engineers had received automatic warnings about the expiring certificate, but the "
                "alerts went to a mailbox belonging to a team that had been reorganised earlier in "
                "the year. The renewal process also required a manual approval step that nobody on "
                "the current rota had permission to perform, which slowed the recovery once the "
                "problem was finally identified."
            ),
            (
                "Stratacore says it will move all internal certificates to automatic renewal and "
                "test its alert routing every month. Affected customers will receive service "
                "credits equal to 10% of their monthly bill. More than 20,000 businesses were hit "
                "in some way, according to Byte Harbor, though many of them saw only slower "
                "response times rather than a complete outage."
            ),
            (
                "The incident is a familiar one for the industry. Expired certificates have caused "
                "outages at payment processors, mobile carriers and video platforms over the past "
                "decade, precisely because they are easy to set up and easy to forget. Reliability "
                "engineers often recommend short certificate lifetimes so that renewal becomes "
                "routine rather than a rare event nobody remembers how to perform."
            ),
        ],
        "subheading": "What changes now",
        "tags": ["cloud", "security"],
        "images": [
            {
                "alt": (
                    "A status dashboard with a long red bar marking an afternoon of failed requests"
                ),
                "caption": "The outage lasted about six hours.",
                "credit": "Newsroom illustration",
            },
        ],
        "source": 6,
        "mention": 2,
        "authors": ["lchen", "dokafor"],
        "days_ago": 33,
        "read_also": ["keyhold-password-manager-breach", "cloud-gaming-latency-test"],
    },
    {
        "slug": "developer-survey-ai-coding-assistants",
        "title": (
            "Survey finds most developers now use AI coding assistants, but few fully trust them"
        ),
        "category": "news/it-news",
        "lead": (
            "Seven in ten professional developers say they use an AI assistant at least weekly, "
            "yet fewer than one in five are willing to accept its suggestions without a careful "
            "line-by-line review."
        ),
        "paragraphs": [
            (
                "The survey of 4,200 software developers across 30 countries was carried out by an "
                "independent research group over two months. It found that 71% use an AI tool for "
                "writing or explaining code at least once a week, up from 44% a year earlier. The "
                "most common uses were writing tests, generating boilerplate and translating code "
                "between programming languages."
            ),
            (
                "Trust, however, remains low. Only 18% said they would accept an AI suggestion "
                "without reading it line by line, and more than half reported finding a subtle bug "
                "in generated code during the past month. Developers working on safety-critical "
                "systems, such as medical devices and aircraft software, were the least likely to "
                "use the tools at all."
            ),
            (
                "Experienced engineers tend to use assistants for routine chores and ignore them "
                "for design decisions, while newer developers lean on them to learn unfamiliar "
                "code. Some team leads worry that junior staff are skipping the slow process of "
                "building intuition, according to Lab Bench Review, which interviewed several of "
                "the survey's respondents for a follow-up piece."
            ),
            (
                "Employers appear to be pushing adoption faster than their own policies allow. "
                "Nearly a third of respondents said their company had no written rules about which "
                "AI tools may be used with proprietary code. The researchers recommend clear "
                "guidance on data handling and suggest measuring defects and review time, not just "
                "lines of code produced, when judging whether the tools help."
            ),
        ],
        "subheading": "Juniors and seniors use the tools differently",
        "tags": ["ai", "research"],
        "images": [
            {
                "alt": (
                    "A code editor with a grey AI-generated suggestion appearing beneath a "
                    "developer's cursor"
                ),
                "caption": "Most developers still review AI suggestions line by line.",
                "credit": "Newsroom illustration",
            },
        ],
        "source": 0,
        "mention": 5,
        "authors": ["pnair"],
        "days_ago": 19,
        "read_also": [
            "quillon-ai-open-weight-model-runs-on-laptops",
            "opinion-ai-buttons-everywhere",
        ],
    },
    {
        "slug": "brightforge-doubles-accelerator-production",
        "title": "GPU shortage eases as Brightforge doubles production of data-center accelerators",
        "category": "news/it-news",
        "lead": (
            "Waiting times for Brightforge's top AI accelerator cards have dropped from almost a "
            "year to about ten weeks, as new packaging lines come online and some buyers pause "
            "their orders."
        ),
        "paragraphs": [
            (
                "Brightforge told investors that it has doubled monthly output of its H-series "
                "accelerators since the start of the year, mostly by adding capacity for the "
                "advanced packaging step that joins the graphics processor to its stacks of "
                "high-bandwidth memory. That step, rather than making the chips themselves, had "
                "been the main bottleneck for more than eighteen months."
            ),
            (
                "Cloud providers and AI startups that ordered cards last year are now receiving "
                "them in larger batches. Resellers say spot prices for second-hand accelerators "
                "have fallen by around 30% since spring, and several smaller firms that once "
                "rented time at high prices are now considering buying hardware outright to run "
                "their own training jobs."
            ),
            (
                "Demand is not collapsing, however. Large buyers are shifting from training huge "
                "models toward running them for customers, and that work needs a great many cards "
                "spread across many data centers. Brightforge's order backlog still stands at more "
                "than two quarters of production, according to Circuit Ledger, which spoke to "
                "several of the company's distribution partners."
            ),
            (
                "For gamers, the news is more modest. Consumer graphics cards use different memory "
                "and packaging, so the extra capacity does not directly lower their prices. Still, "
                "analysts expect the company to be less tempted to divert chip supply away from "
                "gaming products, which could mean steadier stock for the next generation of "
                "desktop cards expected this autumn."
            ),
        ],
        "subheading": None,
        "tags": ["gpus", "chips", "ai"],
        "images": [
            {
                "alt": (
                    "A stack of large graphics accelerator cards with gold connectors on a factory "
                    "conveyor"
                ),
                "caption": "Packaging capacity, not chipmaking, was the bottleneck.",
                "credit": "Newsroom illustration",
            },
        ],
        "source": 6,
        "mention": 0,
        "authors": ["lchen"],
        "days_ago": 45,
        "read_also": ["arvane-meridian-192-core-server-chip", "kestrel-raptor-16-review"],
    },
    {
        "slug": "router-firmware-flaw-lanternfish-botnet",
        "title": "Router firmware flaw lets botnet hijack an estimated 300,000 home devices",
        "category": "news/security",
        "lead": (
            "A weakness in a web interface used by several budget router brands has been exploited "
            "to build a large botnet, and many of the affected models will never receive a fix."
        ),
        "paragraphs": [
            (
                "Security researchers say the flaw lies in a diagnostic page that was meant to be "
                "reachable only from inside the home network but was exposed to the internet on "
                "some models by default. By sending a specially crafted request, attackers could "
                "run commands on the router without a password and install a small program that "
                "waits for instructions."
            ),
            (
                "The resulting botnet, which researchers have nicknamed Lanternfish, has been used "
                "mainly to flood gaming servers and small businesses with junk traffic. About "
                "300,000 devices are thought to be infected, most of them in homes, and the real "
                "number could be higher because many routers are reinfected within hours of being "
                "rebooted and cleaned."
            ),
            (
                "The software component at fault was supplied to at least six router brands by the "
                "same contract manufacturer. Two of those brands have released updated firmware, "
                "but four of the affected models reached the end of their support years ago, "
                "according to Packet Street Journal, which contacted each vendor for comment. None "
                "of those vendors plans to issue a fix."
            ),
            (
                "Owners are advised to check their router's model number against the list "
                "published by the researchers, install any available update and turn off remote "
                "administration. If no update exists, experts recommend replacing the device. "
                "Internet providers in two countries have started warning customers whose routers "
                "show signs of infection and, in some cases, are offering discounted replacements."
            ),
        ],
        "subheading": "Old models left without patches",
        "tags": ["security", "software-updates", "broadband"],
        "images": [
            {
                "alt": (
                    "A small white home router with blinking lights on a shelf beside tangled "
                    "cables"
                ),
                "caption": "Many affected routers are several years old.",
                "credit": "Newsroom illustration",
            },
            {
                "alt": (
                    "A world map dotted with red points showing the locations of infected devices"
                ),
                "caption": "Infections are concentrated in home networks.",
                "credit": "Newsroom illustration",
            },
        ],
        "source": 2,
        "mention": 6,
        "authors": ["tbergstrom"],
        "days_ago": 2,
        "read_also": ["banks-switch-to-passkeys", "grey-heron-ransomware-free-decryptor"],
    },
    {
        "slug": "keyhold-password-manager-breach",
        "title": (
            "Password manager breach exposed customer metadata, but encrypted vaults stayed safe"
        ),
        "category": "news/security",
        "lead": (
            "Attackers stole account details and website addresses from a popular password "
            "manager's backup servers, though the company says the passwords themselves remain "
            "protected by each user's master key."
        ),
        "paragraphs": [
            (
                "Keyhold, which says it has about 9 million users, disclosed that an intruder "
                "accessed a cloud storage bucket used for backups over a period of 11 days. The "
                "stolen data included email addresses, billing names and, for some customers, the "
                "unencrypted web addresses of sites saved in their vaults. Card numbers were "
                "stored separately and were not affected."
            ),
            (
                "The passwords and notes inside each vault were encrypted with a key derived from "
                "the user's master password, which Keyhold never stores. As long as that master "
                "password is long and unique, security experts say, cracking a stolen vault would "
                "take an impractical amount of computing power. Short or reused master passwords "
                "are a different story."
            ),
            (
                "Even without passwords, the list of saved sites is valuable to scammers. It "
                "reveals which banks, shops and workplaces a person uses, which makes convincing "
                "phishing emails far easier to write. Keyhold had promised to encrypt web "
                "addresses two years ago but had not finished the work, according to Byte Harbor, "
                "which reviewed the company's public roadmap."
            ),
            (
                "The company is forcing a password reset for all accounts, has rotated its "
                "internal keys and says it will finish encrypting all vault fields within three "
                "months. Customers are advised to change their master password if it is shorter "
                "than 14 characters and to be wary of emails that mention specific services they "
                "use, especially ones urging them to log in."
            ),
        ],
        "subheading": "Why the web addresses matter",
        "tags": ["security", "privacy", "cloud"],
        "images": [
            {
                "alt": (
                    "A phone screen showing a padlock icon over a list of blurred website logins"
                ),
                "caption": "Passwords were encrypted, but website addresses were not.",
                "credit": "Newsroom illustration",
            },
        ],
        "source": 6,
        "mention": 2,
        "authors": ["tbergstrom", "mreyes"],
        "days_ago": 58,
        "read_also": ["banks-switch-to-passkeys", "cloud-outage-traced-to-expired-certificate"],
    },
    {
        "slug": "banks-switch-to-passkeys",
        "title": "Three large banks switch their apps to passkeys and retire SMS login codes",
        "category": "news/security",
        "lead": (
            "Customers of three national banks will soon sign in with a fingerprint or face scan "
            "instead of typing a code from a text message, a move security experts say will make "
            "phishing much harder."
        ),
        "paragraphs": [
            (
                "The banks announced the change jointly and say it will roll out over the next "
                "four months. When customers update their banking app, they will be asked to "
                "create a passkey, a cryptographic credential stored on their phone and unlocked "
                "with the same biometric or PIN used to open the device. The old one-time codes "
                "sent by SMS will then be switched off."
            ),
            (
                "Passkeys are tied to the bank's genuine web address, so a fake login page cannot "
                "trick the phone into handing them over. That closes one of the most common routes "
                "for fraud, in which criminals call a victim, pose as the bank and ask them to "
                "read out the code they have just received. SIM-swap attacks, where a phone number "
                "is hijacked, also become useless."
            ),
            (
                "Not everyone is convinced the transition will be smooth. Older customers who "
                "share a phone with a family member, or who use basic phones without biometrics, "
                "will need an alternative, and the banks plan to offer small hardware keys for "
                "those cases. Helpline calls rose sharply at a smaller bank that made a similar "
                "switch last year, according to Handheld Herald."
            ),
            (
                "The banks say customers who lose their phone can recover access at a branch or "
                "through a video call with identity checks. Because passkeys can also sync between "
                "devices through a phone maker's account, security researchers recommend enabling "
                "that account's own two-step protection, since it becomes the key to many other "
                "services at once."
            ),
        ],
        "subheading": "Help for customers without smartphones",
        "tags": ["security", "privacy", "smartphones"],
        "images": [
            {
                "alt": (
                    "A hand holding a phone whose screen asks for a fingerprint to sign in to a "
                    "banking app"
                ),
                "caption": "Passkeys are unlocked with the phone's own biometrics.",
                "credit": "Newsroom illustration",
            },
        ],
        "source": 6,
        "mention": 7,
        "authors": ["mreyes"],
        "days_ago": 40,
        "read_also": ["keyhold-password-manager-breach", "router-firmware-flaw-lanternfish-botnet"],
    },
    {
        "slug": "grey-heron-ransomware-free-decryptor",
        "title": "Researchers release free decryptor after ransomware gang's coding mistake",
        "category": "news/security",
        "lead": (
            "Victims of the Grey Heron ransomware can now recover their files without paying, "
            "after analysts discovered that the malware generated its encryption keys in a way "
            "that could be predicted."
        ),
        "paragraphs": [
            (
                "The ransomware has hit schools, a regional hospital and dozens of small "
                "manufacturers over the past six months. It encrypts files and demands payment in "
                "cryptocurrency, usually between $50,000 and $400,000 depending on the size of the "
                "victim. Until now, organisations without good backups faced a choice between "
                "paying and rebuilding their systems from scratch."
            ),
            (
                "A team at a university security lab noticed that the random number generator used "
                "by the malware was seeded with a value that changed only when the gang recompiled "
                "its code. By collecting samples from several victims, the researchers could "
                "narrow the possible keys to a few million candidates, a number an ordinary "
                "desktop computer can test in under an hour."
            ),
            (
                "The decryptor has been published for free and has already helped the hospital "
                "restore its scheduling system, according to Lab Bench Review. The researchers say "
                "they kept the discovery quiet for several weeks so that the criminals would not "
                "notice and fix the bug while victims were still being identified and contacted "
                "through national cybersecurity agencies."
            ),
            (
                "Experts warn that the gang will almost certainly release a corrected version "
                "soon, so the decryptor is a one-time reprieve rather than a permanent solution. "
                "Organisations are urged to keep offline backups, patch remote access software "
                "quickly and practise restoring their data, because the next variant is unlikely "
                "to contain the same mistake."
            ),
        ],
        "subheading": "Kept secret for weeks",
        "tags": ["security", "research"],
        "images": [
            {
                "alt": (
                    "A hospital IT room with a technician restoring files on a laptop connected to "
                    "a server rack"
                ),
                "caption": "The decryptor helped a hospital recover its scheduling system.",
                "credit": "Newsroom illustration",
            },
        ],
        "source": 6,
        "mention": 5,
        "authors": ["tbergstrom"],
        "days_ago": 88,
        "read_also": ["router-firmware-flaw-lanternfish-botnet", "keyhold-password-manager-breach"],
    },
    {
        "slug": "solid-state-battery-5000-cycles",
        "title": "Solid-state battery prototype survives 5,000 charge cycles in lab tests",
        "category": "news/science",
        "lead": (
            "A university team says its new ceramic-polymer electrolyte kept a small battery cell "
            "above 90% of its original capacity after 5,000 full charges, far beyond what current "
            "electric-car packs are designed for."
        ),
        "paragraphs": [
            (
                "Solid-state batteries replace the flammable liquid inside a conventional "
                "lithium-ion cell with a solid material, promising more energy in less space and a "
                "lower fire risk. Their weak point has been durability: tiny metal filaments "
                "called dendrites tend to grow through the solid layer over time, eventually "
                "causing a short circuit and killing the cell."
            ),
            (
                "The researchers combined a thin ceramic sheet with a flexible polymer coating on "
                "both sides. The ceramic blocks dendrites, while the polymer keeps good contact "
                "with the electrodes as they swell and shrink during charging. In tests, "
                "coin-sized cells retained 91% of their capacity after 5,000 cycles at room "
                "temperature, charging fully in about 20 minutes each time."
            ),
            (
                "The team is cautious about what comes next. Coin cells hold a tiny fraction of "
                "the energy of a car battery, and problems often appear only when cells are scaled "
                "up and stacked. The group has partnered with a battery startup to build larger "
                "pouch cells, with first results expected next year, according to Volt & Road."
            ),
            (
                "If the performance holds at scale, the material could allow a car battery to "
                "outlive the vehicle itself. At one full charge per day, 5,000 cycles would "
                "correspond to more than thirteen years of driving. The researchers also note that "
                "the electrolyte uses no cobalt and only modest amounts of lithium, which could "
                "help with cost and supply concerns."
            ),
        ],
        "subheading": "A long road from coin cell to car",
        "tags": ["batteries", "research", "electric-cars"],
        "images": [
            {
                "alt": "Tweezers holding a coin-sized battery cell above a laboratory test rack",
                "caption": "The tests were run on small coin cells.",
                "credit": "Newsroom illustration",
            },
            {
                "alt": (
                    "A layered cross-section of ceramic and polymer sheets drawn like a microscope "
                    "image"
                ),
                "caption": "A ceramic layer sits between two flexible polymer coatings.",
                "credit": "Newsroom illustration",
            },
        ],
        "source": 5,
        "mention": 4,
        "authors": ["dokafor"],
        "days_ago": 12,
        "read_also": ["calloway-pipit-sodium-ion-car", "halden-wren-compact-ev-price"],
    },
    {
        "slug": "ai-model-finds-plastic-eating-enzyme",
        "title": "AI model helps chemists find an enzyme that breaks down common plastic waste",
        "category": "news/science",
        "lead": (
            "By screening millions of protein variants on a computer before testing a handful in "
            "the lab, researchers found an enzyme that digests PET plastic at lower temperatures "
            "than earlier candidates."
        ),
        "paragraphs": [
            (
                "PET is used in drinks bottles and polyester clothing, and only a small share of "
                "it is recycled into new products of similar quality. Enzymes that break the "
                "plastic back into its building blocks could help, but the best known candidates "
                "work only at around 70 degrees Celsius, which makes industrial recycling plants "
                "expensive to run."
            ),
            (
                "The research group trained a machine learning model on thousands of known enzymes "
                "and their measured activity, then asked it to suggest variants likely to work at "
                "lower temperatures. From 3 million computer-generated candidates, the team made "
                "120 in the lab. Eleven showed useful activity, and the best one broke down thin "
                "plastic film at 40 degrees in about two days."
            ),
            (
                "The approach saved months of trial and error, according to Lab Bench Review, but "
                "the researchers stress that the AI model was only one step. Each promising "
                "protein still had to be produced, purified and tested by hand, and most of the "
                "model's top-ranked suggestions did not work at all once they were made in real "
                "cells."
            ),
            (
                "The next challenge is dealing with real waste, which contains dyes, labels and "
                "mixtures of different plastics. The team is working with a recycling firm to test "
                "the enzyme on shredded bottles collected from households. If the results hold up, "
                "the lower operating temperature could cut energy use in the process by roughly a "
                "third."
            ),
        ],
        "subheading": None,
        "tags": ["ai", "research", "climate"],
        "images": [
            {
                "alt": (
                    "Shredded clear plastic bottle flakes soaking in a glass beaker on a lab bench"
                ),
                "caption": "The enzyme was first tested on thin PET film.",
                "credit": "Newsroom illustration",
            },
        ],
        "source": 0,
        "mention": 5,
        "authors": ["pnair", "dokafor"],
        "days_ago": 66,
        "read_also": [
            "quillon-ai-open-weight-model-runs-on-laptops",
            "heat-pumps-cold-climate-study",
        ],
    },
    {
        "slug": "quantum-gravity-sensor-maps-groundwater",
        "title": "Portable quantum sensor maps underground water reserves without drilling",
        "category": "news/science",
        "lead": (
            "A suitcase-sized gravity sensor that uses clouds of ultracold atoms has mapped an "
            "aquifer beneath farmland, offering a cheaper way to track groundwater during "
            "droughts."
        ),
        "paragraphs": [
            (
                "The instrument measures tiny changes in gravity caused by differences in the "
                "density of the ground below. Water-filled rock is slightly heavier than dry rock, "
                "so by moving the sensor across a field and taking readings every few metres, "
                "researchers can build a picture of where water is stored and how that changes "
                "from season to season."
            ),
            (
                "Inside the device, a laser cools a small cloud of rubidium atoms to just above "
                "absolute zero and then lets them fall a few centimetres. The way the atoms behave "
                "during that fall reveals the local strength of gravity with extreme precision. "
                "Earlier versions filled a laboratory; this one weighs about 30 kilograms and runs "
                "from a car battery."
            ),
            (
                "In a six-week field trial, the team surveyed 40 square kilometres of farmland and "
                "identified a previously unmapped channel of water-bearing gravel. Local officials "
                "plan to use the results to decide where to allow new wells, according to Byte "
                "Harbor, which visited the site while the survey was under way."
            ),
            (
                "The researchers say the sensor still needs calm conditions, because vibrations "
                "from heavy traffic or strong wind can blur the measurements. They hope to mount a "
                "future version on a slow-moving drone. A commercial spin-off is already taking "
                "orders from water utilities and mining companies, though it has not disclosed a "
                "price."
            ),
        ],
        "subheading": "Results from the field",
        "tags": ["research", "climate"],
        "images": [
            {
                "alt": (
                    "Two researchers carrying a metal case across a green field with a tripod set "
                    "up nearby"
                ),
                "caption": "The sensor weighs about 30 kilograms.",
                "credit": "Newsroom illustration",
            },
        ],
        "source": 5,
        "mention": 2,
        "authors": ["dokafor"],
        "days_ago": 79,
        "read_also": ["heat-pumps-cold-climate-study", "lunar-rover-detects-crater-ice"],
    },
    {
        "slug": "heat-pumps-cold-climate-study",
        "title": "Cold-climate study finds heat pumps stay efficient well below freezing",
        "category": "news/science",
        "lead": (
            "A two-winter study of 250 homes found that modern air-source heat pumps delivered "
            "more than twice as much heat as the electricity they used, even on days when outdoor "
            "temperatures fell to minus 15."
        ),
        "paragraphs": [
            (
                "Researchers installed meters in 250 houses of different ages, from small "
                "apartments to detached family homes, and recorded electricity use and heat output "
                "every five minutes. Over two winters, the average system produced 2.8 units of "
                "heat for every unit of electricity consumed. On the coldest days, at around minus "
                "15 degrees Celsius, that figure fell to about 2.1."
            ),
            (
                "The results contradict a common belief that heat pumps stop working properly in "
                "harsh climates. Older models did struggle, but newer units use variable-speed "
                "compressors and refrigerants designed for low temperatures. Only nine of the "
                "homes needed their backup electric heaters for more than a few hours each winter, "
                "mostly during a week-long cold snap."
            ),
            (
                "Installation quality mattered more than the brand. Homes where the system was "
                "oversized, or placed where snow could block its airflow, performed noticeably "
                "worse. Poorly insulated pipes cost some households up to 15% of their efficiency, "
                "according to Volt & Road, which examined the study's appendix on installation "
                "faults."
            ),
            (
                "The authors recommend that subsidy programmes pay for a proper heat-loss survey "
                "before installation and for a follow-up check after the first winter. They also "
                "want manufacturers to publish efficiency figures measured at low temperatures, "
                "not just the mild-weather numbers that tend to appear on product labels and in "
                "advertising."
            ),
        ],
        "subheading": "Installers make the difference",
        "tags": ["climate", "research"],
        "images": [
            {
                "alt": (
                    "An outdoor heat pump unit beside a snow-covered house wall with icicles "
                    "hanging from the roof"
                ),
                "caption": "Homes were monitored through two winters.",
                "credit": "Newsroom illustration",
            },
        ],
        "source": 5,
        "mention": 4,
        "authors": ["mreyes"],
        "days_ago": 103,
        "read_also": ["quantum-gravity-sensor-maps-groundwater", "solid-state-battery-5000-cycles"],
    },
    {
        "slug": "vantor-lands-reusable-upper-stage",
        "title": "Vantor Aerospace lands reusable upper stage after its first orbital flight",
        "category": "news/science/space",
        "lead": (
            "The startup brought back the upper stage of its rocket from orbit for the first time, "
            "a step most launch companies have not yet attempted because of the heat and speed "
            "involved."
        ),
        "paragraphs": [
            (
                "Vantor's Kite rocket lifted off at dawn carrying four small satellites, which "
                "were released into a 550-kilometre orbit about an hour later. The upper stage "
                "then fired its engine to slow down, re-entered the atmosphere behind a ceramic "
                "heat shield and deployed a steerable parachute before touching down on an "
                "inflatable landing pad at sea."
            ),
            (
                "Recovering first stages has become routine for some operators, but upper stages "
                "travel about four times faster and face much harsher heating on the way back. "
                "Most companies simply let them burn up. Vantor says its stage weighs 14% more "
                "than a disposable design because of the shield and parachute, reducing the "
                "rocket's payload by roughly 200 kilograms."
            ),
            (
                "The company plans to inspect the recovered stage over the next two months and "
                "hopes to fly it again within a year. Engineers spotted some scorching on the "
                "engine nozzle in early photos, according to Orbit Weekly, although the company "
                "described the damage as cosmetic and within expected limits."
            ),
            (
                "If reuse works, Vantor says it could cut the price of sending a small satellite "
                "to orbit by around a third. The company has 23 launches booked for the next two "
                "years, most for Earth-observation and communications startups. Competitors are "
                "watching closely, and at least two have said they are studying similar recovery "
                "systems for their own vehicles."
            ),
        ],
        "subheading": "Inspection before the next flight",
        "tags": ["space", "startups"],
        "images": [
            {
                "alt": (
                    "A cone-shaped rocket stage hanging beneath an orange parachute over a calm "
                    "sea at sunrise"
                ),
                "caption": "The stage descended under a steerable parachute.",
                "credit": "Newsroom illustration",
            },
            {
                "alt": (
                    "Recovery crew in orange suits beside a scorched rocket stage on an inflatable "
                    "pad"
                ),
                "caption": "Recovery crews secured the stage within an hour.",
                "credit": "Newsroom illustration",
            },
        ],
        "source": 2,
        "mention": 1,
        "authors": ["lchen"],
        "days_ago": 4,
        "read_also": ["student-cubesat-solar-sail", "satellite-coatings-reduce-streaks"],
    },
    {
        "slug": "lunar-rover-detects-crater-ice",
        "title": (
            "Small lunar rover detects a strong ice signal inside a permanently shadowed crater"
        ),
        "category": "news/science/space",
        "lead": (
            "A rover the size of a suitcase drove 300 metres into a crater near the Moon's south "
            "pole and found hydrogen readings consistent with water ice mixed into the top metre "
            "of soil."
        ),
        "paragraphs": [
            (
                "The four-wheeled rover, built by a consortium of university labs and weighing "
                "just 18 kilograms, was delivered to the lunar surface by a commercial lander "
                "three weeks ago. It carries a neutron spectrometer, a small camera with its own "
                "lights and a heater that keeps its electronics alive in temperatures that fall "
                "below minus 200 degrees Celsius."
            ),
            (
                "Craters near the lunar poles contain areas that have not seen sunlight for "
                "billions of years, and scientists have long suspected that they trap ice. "
                "Orbiting spacecraft detected hints of it from above, but measurements from the "
                "ground were missing. The rover's spectrometer recorded a sharp drop in fast "
                "neutrons as it entered the shadow, a classic signature of hydrogen."
            ),
            (
                "Mission scientists estimate that ice could make up between 3% and 6% of the soil "
                "by weight in the areas sampled. The rover's battery ran low after 40 hours in the "
                "dark, according to Lab Bench Review, and the team drove it back into sunlight to "
                "recharge before planning a second, longer trip into the crater."
            ),
            (
                "Water ice on the Moon could one day be turned into drinking water, breathable "
                "oxygen and rocket propellant for future missions. Engineers caution, however, "
                "that extracting it from frozen soil in such cold and dark conditions will be very "
                "difficult. The rover team now hopes to map how evenly the ice is spread, which "
                "matters a great deal for any mining plans."
            ),
        ],
        "subheading": "How much ice is there?",
        "tags": ["space", "research"],
        "images": [
            {
                "alt": (
                    "A small four-wheeled rover with a headlamp driving across grey lunar soil "
                    "into darkness"
                ),
                "caption": "The rover carries its own lights for working in shadow.",
                "credit": "Newsroom illustration",
            },
        ],
        "source": 1,
        "mention": 5,
        "authors": ["dokafor"],
        "days_ago": 22,
        "read_also": [
            "vantor-lands-reusable-upper-stage",
            "quantum-gravity-sensor-maps-groundwater",
        ],
    },
    {
        "slug": "satellite-coatings-reduce-streaks",
        "title": "Astronomers say new satellite coatings halve the streaks in telescope images",
        "category": "news/science/space",
        "lead": (
            "A darker coating and redesigned sunshades on a new batch of communication satellites "
            "have made them about half as bright in the night sky, easing a long-running worry for "
            "ground-based astronomy."
        ),
        "paragraphs": [
            (
                "Large constellations of satellites in low orbit reflect sunlight shortly after "
                "sunset and before dawn, leaving bright lines across long-exposure images. "
                "Astronomers have complained that the streaks spoil survey data and could "
                "interfere with searches for faint asteroids. One satellite operator, Skyweave, "
                "agreed last year to test several fixes on its newest spacecraft."
            ),
            (
                "Observers at three observatories measured 60 of the new satellites over four "
                "months and compared them with older ones in similar orbits. The updated models "
                "were on average 52% dimmer, and many were close to the threshold at which they "
                "stop ruining scientific images. Satellites were still brightest in the hour after "
                "sunset, when sunlight strikes them at a low angle."
            ),
            (
                "Skyweave says it will apply the changes to all future launches, though the 2,000 "
                "older satellites already in orbit cannot be modified. Astronomers welcomed the "
                "progress but pointed out that several other companies plan constellations of "
                "their own, according to Orbit Weekly, and none has yet committed to the same "
                "brightness targets."
            ),
            (
                "Researchers are also developing software that removes streaks from images "
                "automatically, but it cannot recover faint objects hidden underneath a bright "
                "line. Astronomy groups have proposed a voluntary brightness limit for all new "
                "satellites and are asking regulators to make it a condition of launch licences, "
                "although no country has adopted such a rule so far."
            ),
        ],
        "subheading": None,
        "tags": ["space", "research", "regulation"],
        "images": [
            {
                "alt": (
                    "A long-exposure photo of a starry sky crossed by several faint diagonal "
                    "satellite trails"
                ),
                "caption": "Satellite streaks can spoil long-exposure images.",
                "credit": "Newsroom illustration",
            },
        ],
        "source": 5,
        "mention": 1,
        "authors": ["lchen"],
        "days_ago": 51,
        "read_also": ["vantor-lands-reusable-upper-stage", "student-cubesat-solar-sail"],
    },
    {
        "slug": "student-cubesat-solar-sail",
        "title": (
            "Student-built cubesat unfurls a solar sail and begins a slow climb to higher orbit"
        ),
        "category": "news/science/space",
        "lead": (
            "A satellite no bigger than a shoebox has opened a 9-square-metre sail made of plastic "
            "film thinner than a human hair, and its builders say sunlight alone is now nudging it "
            "higher."
        ),
        "paragraphs": [
            (
                "The cubesat was designed over four years by about 70 engineering students and "
                "launched as a secondary payload last month. After two weeks of checks, the team "
                "sent the command to deploy the sail, which unrolls from four spools along "
                "flexible booms. Images from an onboard camera confirmed that all four sections of "
                "the sail opened fully."
            ),
            (
                "Solar sails work by reflecting sunlight, which exerts a tiny pressure on any "
                "surface it hits. The force on a sail this size is about the weight of a grain of "
                "sand, but in the vacuum of space it never stops pushing. By tilting the sail as "
                "it circles Earth, the team can raise the satellite's orbit by several metres each "
                "day without using any fuel."
            ),
            (
                "Keeping the sail at the right angle has been the hardest part. The satellite uses "
                "small reaction wheels to turn, and early attempts caused the thin film to wobble. "
                "The students have since updated the control software from the ground, according "
                "to Orbit Weekly, and the latest tracking data shows a steady rise of about 40 "
                "metres per week."
            ),
            (
                "Beyond the technical result, the project has served as a training ground. Several "
                "former team members now work at satellite companies, and the university plans to "
                "share its design files openly so other student groups can build on them. The team "
                "hopes a future sail could drag old satellites down to burn up in the atmosphere "
                "at the end of their lives."
            ),
        ],
        "subheading": "Steering with sunlight",
        "tags": ["space", "research", "open-source"],
        "images": [
            {
                "alt": (
                    "A small box-shaped satellite with four silver triangular sail sections spread "
                    "out above Earth"
                ),
                "caption": "The sail unrolls along four flexible booms.",
                "credit": "Newsroom illustration",
            },
        ],
        "source": 2,
        "mention": 1,
        "authors": ["pnair"],
        "days_ago": 110,
        "read_also": [
            "vantor-lands-reusable-upper-stage",
            "satellite-coatings-reduce-streaks",
            "lunar-rover-detects-crater-ice",
        ],
    },
    {
        "slug": "halden-wren-compact-ev-price",
        "title": "Halden Motors prices its compact EV under $27,000 with 400 km of range",
        "category": "news/electric-cars",
        "lead": (
            "The carmaker's new Halden Wren hatchback will start at $26,900, making it one of the "
            "cheapest electric cars on sale with a usable range of around 400 kilometres."
        ),
        "paragraphs": [
            (
                "The Wren uses a 52 kWh battery pack built from lithium iron phosphate cells, a "
                "chemistry that is cheaper and longer-lived than the nickel-rich cells found in "
                "many premium models, though it stores less energy for its weight. Halden quotes a "
                "range of 400 kilometres on the standard test cycle and a fast-charging time of 28 "
                "minutes from 10% to 80%."
            ),
            (
                "To hit its price, Halden has simplified the interior. There is one central "
                "touchscreen, no separate driver display and only two trim levels. The car is "
                "assembled at a factory that previously built petrol hatchbacks, which saved the "
                "company from building a new plant. Deliveries are scheduled to begin in early "
                "spring, with right-hand-drive versions following later."
            ),
            (
                "Early drivers will want to know how the range holds up in winter. Lithium iron "
                "phosphate batteries lose more capacity in the cold than some alternatives, so "
                "motorway range at freezing temperatures could drop to around 280 kilometres, "
                "according to Byte Harbor, which drove a pre-production car last week. A heat pump "
                "comes as standard to limit the loss."
            ),
            (
                "Analysts see the Wren as part of a broader push by carmakers to offer electric "
                "models at prices similar to petrol equivalents. Halden says it expects to sell "
                "60,000 units in the first year. Competitors have announced their own budget "
                "models, and the segment could become crowded quickly if battery costs keep "
                "falling at the current pace."
            ),
        ],
        "subheading": "Range in the real world",
        "tags": ["electric-cars", "batteries"],
        "images": [
            {
                "alt": "A small blue five-door electric hatchback parked at a city charging point",
                "caption": "The Wren starts at $26,900.",
                "credit": "Newsroom illustration",
            },
            {
                "alt": (
                    "A simple car dashboard with a single central touchscreen and a two-spoke "
                    "steering wheel"
                ),
                "caption": "Halden has kept the interior deliberately simple.",
                "credit": "Newsroom illustration",
            },
        ],
        "source": 4,
        "mention": 2,
        "authors": ["mreyes"],
        "days_ago": 9,
        "read_also": ["calloway-pipit-sodium-ion-car", "chargeline-fast-charging-uptime"],
    },
    {
        "slug": "chargeline-fast-charging-uptime",
        "title": "Fast-charging network reports 98% uptime after replacing its oldest stations",
        "category": "news/electric-cars",
        "lead": (
            "One of the largest public charging operators says its chargers now work on the first "
            "attempt far more often, after a year spent swapping out unreliable hardware and "
            "fixing payment software."
        ),
        "paragraphs": [
            (
                "Chargeline, which runs about 3,100 fast chargers on motorways and in retail car "
                "parks, published reliability figures for the last quarter showing that 98% of its "
                "chargers were available when drivers arrived. A year earlier the company reported "
                "89%. It also said that 94% of charging sessions now start successfully on the "
                "first try."
            ),
            (
                "The improvement came mainly from replacing around 600 first-generation units, "
                "many of which suffered from overheating cables and failing screens. The company "
                "also rewrote the software that talks to card readers, which had been responsible "
                "for a large share of failed sessions. Technicians can now restart most chargers "
                "remotely instead of driving out to each site."
            ),
            (
                "Reliability has become a political issue in several countries, where new rules "
                "require operators to report uptime and offer contactless payment. Drivers still "
                "report long queues at busy sites during holidays, according to Handheld Herald, "
                "whose readers submitted hundreds of photos of crowded charging stations through "
                "its mobile app over the summer."
            ),
            (
                "Chargeline plans to add 900 more chargers next year, focusing on sites with "
                "enough grid capacity for several 350-kilowatt units. The company says its next "
                "goal is to show real-time availability in navigation apps so drivers can avoid "
                "busy locations. Independent audits of the reliability figures are expected to "
                "begin next year under the new reporting rules."
            ),
        ],
        "subheading": "Rules push operators to publish data",
        "tags": ["electric-cars", "regulation"],
        "images": [
            {
                "alt": "A row of fast chargers under a canopy at a motorway service area at dusk",
                "caption": "About 600 older chargers were replaced.",
                "credit": "Newsroom illustration",
            },
        ],
        "source": 4,
        "mention": 7,
        "authors": ["mreyes"],
        "days_ago": 37,
        "read_also": ["halden-wren-compact-ev-price", "orlan-ota-update-adds-range"],
    },
    {
        "slug": "orlan-ota-update-adds-range",
        "title": "Over-the-air update adds up to 6% range to older electric hatchbacks",
        "category": "news/electric-cars",
        "lead": (
            "Owners of a popular electric hatchback sold over the past several years are getting a "
            "free software update that improves winter efficiency and, in the best case, adds "
            "about 6% more range."
        ),
        "paragraphs": [
            (
                "The update, released this week by carmaker Orlan, changes how the car manages its "
                "battery temperature and how the motor recovers energy while braking. Orlan says "
                "the biggest gains come in cold weather, when the car previously spent a lot of "
                "energy warming the battery even on short trips. In mild conditions, the "
                "improvement is closer to 2%."
            ),
            (
                "For a car rated at 300 kilometres, a 6% gain works out to about 18 extra "
                "kilometres. That is modest, but owners of older electric cars rarely receive "
                "meaningful improvements after purchase, and several owners' forums have praised "
                "the move. The update installs overnight over a mobile connection and takes around "
                "40 minutes, during which the car cannot be driven."
            ),
            (
                "The update also enables scheduled preconditioning, letting drivers warm the cabin "
                "while the car is still plugged in. Some owners reported that the new regenerative "
                "braking setting feels stronger than before, according to Volt & Road, and Orlan "
                "says it will add an option to restore the old behaviour in a later release."
            ),
            (
                "Orlan says about 110,000 cars are eligible. Owners whose cars have been "
                "disconnected from the mobile network can install the update at a dealer for free. "
                "The company has hinted that further improvements to charging speed are possible "
                "on the same hardware, but says it needs more testing before promising anything to "
                "owners."
            ),
        ],
        "subheading": None,
        "tags": ["electric-cars", "software-updates", "batteries"],
        "images": [
            {
                "alt": (
                    "A car's centre screen showing a software update progress bar in a dark garage"
                ),
                "caption": "The update installs overnight.",
                "credit": "Newsroom illustration",
            },
        ],
        "source": 2,
        "mention": 4,
        "authors": ["dokafor"],
        "days_ago": 71,
        "read_also": ["chargeline-fast-charging-uptime", "solid-state-battery-5000-cycles"],
    },
    {
        "slug": "calloway-pipit-sodium-ion-car",
        "title": "First sodium-ion city car goes on sale, trading range for a lower price",
        "category": "news/electric-cars",
        "lead": (
            "A small electric car using sodium-ion batteries instead of lithium is now available "
            "to order, promising cheaper ownership and better cold-weather charging at the cost of "
            "a shorter range."
        ),
        "paragraphs": [
            (
                "The Pipit, built by startup carmaker Calloway, carries a 32 kWh sodium-ion pack "
                "and is rated for 250 kilometres of driving. Sodium is far more abundant than "
                "lithium and can be extracted from ordinary salt, and the cells contain no cobalt "
                "or nickel. Calloway says the battery accounts for about a quarter of the car's "
                "cost, compared with over a third in similar lithium models."
            ),
            (
                "Sodium-ion cells store less energy by weight, which is why the range is modest. "
                "However, they keep more of their capacity in the cold and can be charged quickly "
                "even at low temperatures. Calloway says the Pipit can charge from 10% to 80% in "
                "22 minutes at minus 10 degrees, a situation where many lithium batteries have to "
                "slow down noticeably."
            ),
            (
                "The car is clearly designed for urban use. It has four seats, a small boot and a "
                "top speed of 130 kilometres per hour. At a launch price of $21,500, it undercuts "
                "most electric rivals, according to Lab Bench Review, although it is also smaller "
                "than most of them and lacks some safety features that are standard on larger "
                "cars."
            ),
            (
                "Battery experts see the Pipit as an important test of whether sodium-ion "
                "technology can succeed outside stationary energy storage, where it is already in "
                "use. If buyers accept the shorter range, the chemistry could ease pressure on "
                "lithium supplies. Calloway plans to build 20,000 cars in the first year and is "
                "already discussing supplying battery packs to other manufacturers."
            ),
        ],
        "subheading": "Aimed at city drivers",
        "tags": ["electric-cars", "batteries", "climate"],
        "images": [
            {
                "alt": (
                    "A tiny two-tone electric city car parked in a narrow street between scooters"
                ),
                "caption": "The Pipit is designed mainly for city driving.",
                "credit": "Newsroom illustration",
            },
        ],
        "source": 4,
        "mention": 5,
        "authors": ["mreyes", "dokafor"],
        "days_ago": 95,
        "read_also": ["solid-state-battery-5000-cycles", "halden-wren-compact-ev-price"],
    },
    {
        "slug": "budget-tablets-tested",
        "title": "Budget tablets tested: four models under $300 after a month of everyday use",
        "category": "reviews",
        "lead": (
            "We spent four weeks using four affordable tablets for reading, video, note-taking and "
            "homework. One stood out, two were fine for specific jobs, and one is hard to "
            "recommend at any price."
        ),
        "paragraphs": [
            (
                "Our four contenders were the Tessaly Tab S, the Lumora Pad 11, the Vesta Slate "
                "and the Orrin Tab Go, priced between $189 and $289. Each was used as a main "
                "tablet by a different member of staff for a week before rotating, and we ran the "
                "same battery and display tests on all four in our lab."
            ),
            (
                "The Lumora Pad 11 was the clear winner. Its 11-inch screen is bright enough to "
                "use by a window, its speakers are surprisingly full, and it lasted just over 13 "
                "hours in our video playback test. At $249 it is not the cheapest, but it is the "
                "only one that felt quick when switching between several apps."
            ),
            (
                "The Tessaly Tab S is the best choice for reading thanks to its sharp 8-inch "
                "display and light weight, while the Vesta Slate, at $189, works well as a simple "
                "video screen for children. The Orrin Tab Go disappointed: it stuttered in basic "
                "apps, and it is expected to receive only one major software update, according to "
                "Handheld Herald."
            ),
            (
                "Across the group, charging was slow, with none of the four supporting more than "
                "18-watt charging. Stylus support was limited to the Lumora, and its pen costs "
                "extra. If your budget can stretch to $249, the Lumora Pad 11 is the tablet to "
                "buy. If not, think about what you will mainly use it for before choosing between "
                "the cheaper models."
            ),
        ],
        "subheading": "The rest of the field",
        "tags": ["displays", "batteries", "software-updates"],
        "images": [
            {
                "alt": (
                    "Four tablets of different sizes lying side by side on a wooden table showing "
                    "the same photo"
                ),
                "caption": "Our four budget contenders.",
                "credit": "Newsroom illustration",
            },
            {
                "alt": "A child watching a cartoon on a tablet propped up on a kitchen counter",
                "caption": "The Vesta Slate works well as a simple video screen.",
                "credit": "Newsroom illustration",
            },
        ],
        "source": 0,
        "mention": 7,
        "authors": ["lchen", "pnair"],
        "days_ago": 55,
        "read_also": ["lumora-a5-review", "vesta-book-11-review"],
    },
    {
        "slug": "corvid-aura-buds-review",
        "title": "Corvid Aura Buds review: excellent noise cancelling, frustrating touch controls",
        "category": "reviews",
        "lead": (
            "Corvid's $179 wireless earbuds block out trains and office chatter better than most "
            "rivals at this price, but their touch controls are so sensitive that we paused music "
            "by accident every day."
        ),
        "paragraphs": [
            (
                "The Aura Buds come in a compact pebble-shaped case that charges over USB-C or on "
                "a wireless pad. The buds themselves are light and sat comfortably in our ears for "
                "three-hour stretches, though testers with smaller ears found the default tips a "
                "little large. Corvid includes four tip sizes in the box, which solved the problem "
                "for most of our team."
            ),
            (
                "Noise cancelling is the highlight. On a commuter train, the rumble of the "
                "carriage all but disappeared, and the hum of air conditioning in our office was "
                "reduced to a faint hiss. Voices are harder to block completely, as they are with "
                "every pair we have tested, but the Aura Buds handled them better than competitors "
                "costing $50 more."
            ),
            (
                "Sound is warm and slightly bass-heavy by default, and the companion app offers a "
                "useful equaliser. Battery life reached seven hours with noise cancelling on, with "
                "three more full charges in the case. Early firmware had a bug that drained the "
                "case overnight, according to Byte Harbor, but the version we tested had already "
                "fixed it."
            ),
            (
                "The touch controls are the weak point. Adjusting the buds in your ears, or even "
                "pulling up a hood, often registers as a tap. The app lets you disable some "
                "gestures, which helps, but you lose quick volume control in the process. If you "
                "can live with that, the Aura Buds are an easy recommendation for frequent "
                "travellers and open-plan office workers."
            ),
        ],
        "subheading": "Sound and battery life",
        "tags": ["wearables", "batteries"],
        "images": [
            {
                "alt": (
                    "A pair of matte black wireless earbuds beside their open pebble-shaped "
                    "charging case"
                ),
                "caption": "The case supports wireless charging.",
                "credit": "Newsroom illustration",
            },
        ],
        "source": 7,
        "mention": 2,
        "authors": ["pnair"],
        "days_ago": 24,
        "read_also": ["corvid-pulse-3-review", "halvard-ring-review"],
    },
    {
        "slug": "tessaly-nova-9-review",
        "title": "Tessaly Nova 9 review: a flagship camera in a surprisingly light phone",
        "category": "reviews/smartphones",
        "lead": (
            "Tessaly's new flagship weighs just 172 grams yet packs a large main camera sensor and "
            "a 5x zoom lens. At $899 it is a strong all-rounder, with battery life the only real "
            "compromise."
        ),
        "paragraphs": [
            (
                "The Nova 9 has a 6.3-inch OLED display with a 120 Hz refresh rate and a frame "
                "made of recycled aluminium. At 172 grams it is among the lightest flagships we "
                "have used this year, and it is noticeably easier to hold for long periods than "
                "most of its rivals. The screen gets very bright and stayed readable in direct "
                "midday sun."
            ),
            (
                "The camera is the main selling point. Photos from the 50-megapixel main sensor "
                "are detailed and natural-looking, without the oversharpened look some brands "
                "favour. The 5x zoom lens is genuinely useful for concerts and street photography, "
                "and night mode produces clean images without turning dark scenes into daylight. "
                "Video stabilisation is good, though not the best we have tested."
            ),
            (
                "A light phone means a smaller battery, and the Nova 9's 4,300 mAh cell shows its "
                "limits on busy days. In our standard test, which loops web browsing and video at "
                "fixed brightness, it lasted 11 hours and 40 minutes, about two hours less than "
                "the best phones in its class. Heavy users will want a top-up by early evening."
            ),
            (
                "Tessaly promises five years of operating system updates, which is good but short "
                "of the seven years some competitors now offer, according to Handheld Herald. "
                "Charging at 45 watts is reasonably fast, with a full charge in about an hour. If "
                "you value a lightweight phone and a great camera over maximum stamina, the Nova 9 "
                "is one of the best choices available."
            ),
        ],
        "subheading": "Battery life is the trade-off",
        "tags": ["smartphones", "displays", "batteries"],
        "images": [
            {
                "alt": (
                    "A slim silver smartphone lying face down showing a camera bar with three "
                    "lenses"
                ),
                "caption": "The Nova 9 weighs just 172 grams.",
                "credit": "Newsroom illustration",
            },
            {
                "alt": (
                    "A night-time street scene with warm shop lights and clean shadows, "
                    "photographed on a phone"
                ),
                "caption": "Night mode keeps dark scenes looking natural.",
                "credit": "Newsroom illustration",
            },
        ],
        "source": 2,
        "mention": 7,
        "authors": ["mreyes"],
        "days_ago": 3,
        "read_also": ["tessaly-flip-review", "orrin-p3-review"],
    },
    {
        "slug": "lumora-a5-review",
        "title": "Lumora A5 review: the budget phone that finally gets software updates right",
        "category": "reviews/smartphones",
        "lead": (
            "For $229, the Lumora A5 offers a smooth screen, two-day battery life and a promise of "
            "six years of security updates, which is almost unheard of at this price."
        ),
        "paragraphs": [
            (
                "Cheap phones have long come with a hidden cost: they stop receiving updates after "
                "a year or two, leaving owners exposed to security problems. Lumora has broken "
                "with that habit, promising four major operating system upgrades and six years of "
                "monthly security patches for the A5. That commitment alone makes it stand out in "
                "a crowded market."
            ),
            (
                "The phone itself is solid. The 6.5-inch display runs at 90 Hz and scrolls "
                "smoothly, although it is not as bright as more expensive screens. The plastic "
                "back picks up fingerprints easily but feels sturdy, and the phone is rated to "
                "survive rain and splashes. The processor handles everyday apps without trouble "
                "but struggles with demanding 3D games."
            ),
            (
                "Battery life is excellent. The 5,000 mAh battery lasted 15 hours in our standard "
                "test and comfortably carried us through two days of light use. Charging is "
                "limited to 25 watts, and there is no charger in the box. The camera takes "
                "pleasant photos in daylight but produces noisy images indoors, which is typical "
                "for this price."
            ),
            (
                "Lumora sold 2 million units of the previous model in its first six months, "
                "according to Byte Harbor, so the A5 has a large audience to win over. There are a "
                "few compromises: no wireless charging, cheap-feeling vibration and a tinny "
                "speaker. None of these matter as much as the long support promise, which makes "
                "the A5 the easiest budget recommendation we have made this year."
            ),
        ],
        "subheading": "Two-day battery, average camera",
        "tags": ["smartphones", "software-updates", "batteries"],
        "images": [
            {
                "alt": (
                    "A mint-green budget smartphone standing upright on a desk showing its home "
                    "screen"
                ),
                "caption": "The Lumora A5 costs $229.",
                "credit": "Newsroom illustration",
            },
        ],
        "source": 7,
        "mention": 2,
        "authors": ["mreyes"],
        "days_ago": 31,
        "read_also": ["opinion-seven-years-of-phone-updates", "tessaly-nova-9-review"],
    },
    {
        "slug": "tessaly-flip-review",
        "title": "Tessaly Flip review: a foldable that survived our 150,000-fold hinge test",
        "category": "reviews/smartphones",
        "lead": (
            "Tessaly's clamshell foldable is compact, stylish and, on the evidence of our "
            "mechanical test rig, tougher than expected. Its visible crease and modest battery are "
            "the main drawbacks."
        ),
        "paragraphs": [
            (
                "Folded, the Tessaly Flip is a small square that fits easily in a shirt pocket. "
                "Opened, it becomes a tall 6.7-inch phone. The cover screen on the outside "
                "measures 3.4 inches and is large enough to read messages, control music and frame "
                "selfies with the main cameras, which is one of the most appealing things about "
                "this type of phone."
            ),
            (
                "Durability has been the main worry with foldables, so we placed a review unit in "
                "a test rig that opens and closes it automatically. After 150,000 folds, "
                "equivalent to about 100 folds a day for four years, the hinge still held its "
                "position firmly and the screen showed no dead pixels. A small patch of the screen "
                "protector began to lift near the crease."
            ),
            (
                "The crease is visible when the screen is off or viewed at an angle, and you can "
                "feel it when scrolling. Most testers stopped noticing it after a few days. The "
                "Flip is rated for water resistance but not dust, so a trip to the beach is still "
                "risky, according to Handheld Herald, which recommends a case for anyone who works "
                "outdoors."
            ),
            (
                "Battery life is the weak spot. The 3,700 mAh battery lasted 9 hours and 50 "
                "minutes in our standard test, which means most users will need to charge before "
                "the end of the day. At $999, the Flip is priced like a regular flagship. If you "
                "want a compact phone that stands out and can accept some compromises, it is the "
                "most convincing clamshell we have reviewed."
            ),
        ],
        "subheading": "Living with the crease",
        "tags": ["smartphones", "displays"],
        "images": [
            {
                "alt": (
                    "A lavender clamshell foldable phone half-open on a cafe table with its small "
                    "cover screen lit"
                ),
                "caption": "The cover screen shows messages and music controls.",
                "credit": "Newsroom illustration",
            },
            {
                "alt": (
                    "A mechanical test rig with a robotic arm opening and closing a foldable phone"
                ),
                "caption": "Our rig folded the phone 150,000 times.",
                "credit": "Newsroom illustration",
            },
        ],
        "source": 0,
        "mention": 7,
        "authors": ["pnair", "mreyes"],
        "days_ago": 48,
        "read_also": ["tessaly-nova-9-review", "right-to-repair-rules-take-effect"],
    },
    {
        "slug": "orrin-p3-review",
        "title": "Orrin P3 review: a compact phone with the best battery life we have measured",
        "category": "reviews/smartphones",
        "lead": (
            "Orrin's P3 squeezes a large silicon-carbon battery into a 6.1-inch body, and in our "
            "tests it lasted longer than every phone we have reviewed this year, including much "
            "larger models."
        ),
        "paragraphs": [
            (
                "Compact phones usually sacrifice battery life because there is less room inside. "
                "The P3 gets around this with a newer type of battery that uses silicon in the "
                "anode, allowing 5,100 mAh to fit in a phone that weighs 181 grams. In our "
                "standard test, it ran for 17 hours and 20 minutes, almost an hour longer than the "
                "previous record holder."
            ),
            (
                "The rest of the phone is competent rather than exciting. The 6.1-inch OLED screen "
                "is sharp and colourful, and the processor is a year-old flagship chip that still "
                "handles games smoothly. The main camera is good in daylight, but the ultra-wide "
                "lens produces soft images at the edges, and there is no dedicated zoom lens at "
                "all."
            ),
            (
                "Silicon-carbon batteries are becoming common in phones sold in Asia, according to "
                "Circuit Ledger, but they have been slower to arrive elsewhere because of shipping "
                "rules and questions about long-term durability. Orrin says the P3's battery will "
                "keep 80% of its capacity after 1,000 full cycles, in line with conventional phone "
                "batteries."
            ),
            (
                "At $649, the P3 is a sensible choice for people who want a small phone that can "
                "survive a long day of navigation, photos and messaging without needing a charger. "
                "Orrin offers four years of updates, which is fewer than some competitors. If "
                "battery life is your top priority and you dislike large phones, there is nothing "
                "better at this size."
            ),
        ],
        "subheading": "A new kind of battery",
        "tags": ["smartphones", "batteries"],
        "images": [
            {
                "alt": (
                    "A compact dark green smartphone held in one hand with a battery icon showing "
                    "64 percent"
                ),
                "caption": "The P3 has a 5,100 mAh battery.",
                "credit": "Newsroom illustration",
            },
        ],
        "source": 7,
        "mention": 0,
        "authors": ["dokafor"],
        "days_ago": 84,
        "read_also": ["tessaly-nova-9-review", "lumora-a5-review"],
    },
    {
        "slug": "kestrel-air-14-review",
        "title": "Kestrel Air 14 review: an ARM laptop that lasts two full workdays on a charge",
        "category": "reviews/laptops",
        "lead": (
            "Kestrel's first laptop with an ARM-based processor is silent, light and remarkably "
            "efficient. Most apps run well, but some older software and games still cause trouble."
        ),
        "paragraphs": [
            (
                "The Air 14 weighs 1.2 kilograms and has no fan at all, relying on a metal plate "
                "to spread the heat. It uses a 12-core ARM processor from Arvane Semiconductors "
                "paired with 16 GB of memory and a 512 GB drive in the $1,099 base model. The "
                "14-inch display has a 2.8K resolution and a matte finish that keeps reflections "
                "under control."
            ),
            (
                "Battery life is exceptional. In our web browsing test, the Air 14 lasted 19 "
                "hours, and during a normal working week it regularly went two full days between "
                "charges. Everyday tasks such as browsing, video calls and spreadsheets feel as "
                "fast as on traditional laptops, and the machine does all of this in complete "
                "silence, even under sustained load."
            ),
            (
                "Most popular apps now run natively on ARM, and those that do not usually work "
                "through a built-in translation layer with a modest performance penalty. Some "
                "specialised tools, such as certain VPN clients and printer drivers, still refuse "
                "to install. Several older games failed to launch entirely, according to Patch "
                "Notes Gazette, which tested a library of 50 titles on similar hardware."
            ),
            (
                "The keyboard is comfortable, with a satisfying 1.3 mm of travel, and the large "
                "glass trackpad is among the best we have tried this year. Ports are limited to "
                "two USB-C sockets and a headphone jack. If your software works on ARM, the Air 14 "
                "is an easy recommendation, but check that your essential tools are supported "
                "before buying."
            ),
        ],
        "subheading": "Compatibility is still the catch",
        "tags": ["laptops", "chips", "batteries"],
        "images": [
            {
                "alt": "A thin silver laptop open on a train tray table showing a spreadsheet",
                "caption": "The Air 14 weighs 1.2 kilograms.",
                "credit": "Newsroom illustration",
            },
        ],
        "source": 0,
        "mention": 3,
        "authors": ["lchen"],
        "days_ago": 16,
        "read_also": ["arvane-meridian-192-core-server-chip", "framewood-studio-13-review"],
    },
    {
        "slug": "framewood-studio-13-review",
        "title": (
            "Framewood Studio 13 review: a Linux-first laptop you can repair with one screwdriver"
        ),
        "category": "reviews/laptops",
        "lead": (
            "Framewood's Studio 13 ships with Linux preinstalled, uses standard screws throughout "
            "and lets owners swap the battery, keyboard and even the ports without special tools."
        ),
        "paragraphs": [
            (
                "Framewood is a small company that builds laptops for developers and people who "
                "care about repairability. The Studio 13 arrives with a popular Linux distribution "
                "installed, and every component, from the Wi-Fi card to the webcam, was chosen "
                "because it has open-source drivers. Our review unit cost $1,249 with 32 GB of "
                "memory and a 1 TB drive."
            ),
            (
                "Opening the laptop requires a single screwdriver, which Framewood includes in the "
                "box. Five captive screws release the bottom panel, and the battery is held in "
                "place by two more screws and a connector rather than glue. The four ports are "
                "modular cards that slide into slots, so you can choose between USB-C, USB-A, HDMI "
                "and a card reader."
            ),
            (
                "In daily use, the Studio 13 is pleasant rather than spectacular. The 13.5-inch "
                "screen is sharp, the keyboard is excellent and everything worked out of the box, "
                "including sleep and fingerprint login, which are often troublesome on Linux. "
                "Battery life reached 10 hours in our web test. Framewood has sold more than "
                "40,000 laptops so far, according to Circuit Ledger."
            ),
            (
                "The chassis flexes slightly when you pick it up by one corner, and the speakers "
                "are quiet. Framewood sells replacement parts directly, with a new keyboard "
                "costing $59 and a new battery $79. If you want a laptop you can keep running for "
                "many years, and run open-source software on without fighting the hardware, the "
                "Studio 13 is hard to beat."
            ),
        ],
        "subheading": "Living with it day to day",
        "tags": ["laptops", "open-source"],
        "images": [
            {
                "alt": (
                    "An upturned laptop with its bottom panel removed, exposing the battery and "
                    "memory slots"
                ),
                "caption": "The battery is held in by screws, not glue.",
                "credit": "Newsroom illustration",
            },
            {
                "alt": "A hand sliding a small modular port card into the side of a laptop",
                "caption": "Ports are interchangeable cards.",
                "credit": "Newsroom illustration",
            },
        ],
        "source": 2,
        "mention": 0,
        "authors": ["tbergstrom"],
        "days_ago": 62,
        "read_also": [
            "right-to-repair-rules-take-effect",
            "kestrel-air-14-review",
            "opinion-fund-open-source-like-roads",
        ],
    },
    {
        "slug": "vesta-book-11-review",
        "title": "Vesta Book 11 review: a cheap school laptop with a keyboard worth praising",
        "category": "reviews/laptops",
        "lead": (
            "Designed for classrooms and priced at $299, the Vesta Book 11 survives drops and "
            "spills, types better than many pricier machines and runs a lightweight browser-based "
            "operating system."
        ),
        "paragraphs": [
            (
                "The Vesta Book 11 is built for children who do not treat laptops gently. Its "
                "rubberised edges absorbed repeated drops from desk height in our tests, and the "
                "spill-resistant keyboard shrugged off a glass of water with no lasting damage. "
                "The whole machine weighs 1.3 kilograms, light enough for a school bag that is "
                "already full of books."
            ),
            (
                "The keyboard is the surprise. Keys are well spaced and have a firm, quiet action "
                "that made long typing sessions comfortable. The 11.6-inch screen is the weak "
                "point: at a resolution of 1366 by 768 it looks grainy, and colours appear washed "
                "out when viewed from the side. For documents and browsing it is adequate, but "
                "video looks dull."
            ),
            (
                "Performance is modest, and more than 15 open browser tabs caused noticeable "
                "slowdowns. Battery life, however, reached 11 hours, enough for a full school day "
                "with some to spare. The laptop will receive updates for eight years from launch, "
                "according to Byte Harbor, which makes it a reasonable long-term purchase for "
                "schools that buy in bulk."
            ),
            (
                "Parents buying for home use should consider whether the small screen will "
                "frustrate older children. For younger students, or for schools looking for a "
                "tough device that teachers can manage centrally, the Vesta Book 11 is a sensible "
                "choice. Just do not expect it to handle video editing or games beyond simple "
                "browser titles."
            ),
        ],
        "subheading": None,
        "tags": ["laptops", "displays"],
        "images": [
            {
                "alt": (
                    "A small grey laptop with rubber bumpers on a classroom desk next to an "
                    "exercise book"
                ),
                "caption": "Rubberised edges protect the laptop from drops.",
                "credit": "Newsroom illustration",
            },
        ],
        "source": 0,
        "mention": 2,
        "authors": ["pnair"],
        "days_ago": 117,
        "read_also": ["budget-tablets-tested", "ardent-g15-review"],
    },
    {
        "slug": "kestrel-raptor-16-review",
        "title": "Kestrel Raptor 16 review: desktop-class frame rates, and fans to match",
        "category": "reviews/laptops/gaming-laptops",
        "lead": (
            "Kestrel's flagship gaming laptop runs the latest games at high settings on its 240 Hz "
            "screen, but under load its fans are loud enough to hear from the next room."
        ),
        "paragraphs": [
            (
                "The Raptor 16 pairs a 24-core processor with Brightforge's top mobile graphics "
                "chip, allowed to draw up to 175 watts. Our review configuration, priced at "
                "$2,899, includes 32 GB of memory and a 2 TB drive. The 16-inch mini-LED display "
                "runs at 240 Hz with a 2560 by 1600 resolution and is bright enough for HDR games "
                "to look properly dramatic."
            ),
            (
                "In our benchmarks, the Raptor averaged 118 frames per second in a demanding "
                "open-world game at the screen's native resolution with high settings, and more "
                "than 200 in competitive shooters. Those numbers are close to a mid-range desktop "
                "with a similar graphics card. Performance stayed consistent over a two-hour "
                "session, with no sign of throttling."
            ),
            (
                "Keeping those components cool requires three fans, and in performance mode they "
                "reached 54 decibels at arm's length in our measurements. A quieter mode cuts the "
                "noise significantly while reducing frame rates by about 15%. Several owners of "
                "last year's model complained about whining from the power brick, according to "
                "Patch Notes Gazette, but our unit stayed silent."
            ),
            (
                "Battery life is short, at about four hours of web browsing and just over an hour "
                "of gaming unplugged. The keyboard has per-key lighting and generous travel, and "
                "the port selection is excellent, with a full-size network socket and two fast "
                "USB-C ports. If you want desktop performance you can carry between rooms, and you "
                "own good headphones, the Raptor delivers."
            ),
        ],
        "subheading": "The cost of all that power",
        "tags": ["gaming", "laptops", "gpus"],
        "images": [
            {
                "alt": (
                    "A large black gaming laptop with a glowing multicoloured keyboard on a dark "
                    "desk"
                ),
                "caption": "The Raptor 16 has per-key lighting.",
                "credit": "Newsroom illustration",
            },
            {
                "alt": "A close-up of large exhaust vents along the back edge of a gaming laptop",
                "caption": "Three fans keep the components cool.",
                "credit": "Newsroom illustration",
            },
        ],
        "source": 0,
        "mention": 3,
        "authors": ["tbergstrom"],
        "days_ago": 20,
        "read_also": [
            "corvid-saber-14-review",
            "ardent-g15-review",
            "brightforge-doubles-accelerator-production",
        ],
    },
    {
        "slug": "corvid-saber-14-review",
        "title": "Corvid Saber 14 review: a thin gaming laptop that finally tames its heat",
        "category": "reviews/laptops/gaming-laptops",
        "lead": (
            "Thin gaming laptops have a history of burning laps and fingers. Corvid's new 14-inch "
            "model uses a vapour chamber and a clever raised hinge to stay comfortable while "
            "delivering solid frame rates."
        ),
        "paragraphs": [
            (
                "The Saber 14 is 17 millimetres thick and weighs 1.6 kilograms, similar to many "
                "ordinary work laptops. Inside, it has an 8-core processor and a mid-range "
                "Brightforge graphics chip limited to 90 watts. The 14-inch OLED display runs at "
                "120 Hz, and its deep blacks make dark games and films look excellent. Our "
                "configuration cost $1,799."
            ),
            (
                "Heat has always been the problem with thin gaming laptops. Corvid uses a large "
                "vapour chamber that covers both processors and a hinge that lifts the back of the "
                "laptop slightly when opened, improving airflow. After an hour of gaming, the "
                "keyboard area peaked at 41 degrees Celsius, warm but comfortable, and the "
                "underside never became too hot to rest on a lap."
            ),
            (
                "Performance is lower than on bulkier machines, but still impressive. The Saber "
                "averaged 74 frames per second in a demanding action game at 1080p with high "
                "settings, and ran lighter competitive titles at the full 120 Hz. Corvid has fixed "
                "the fan behaviour that affected the previous model, according to Byte Harbor, "
                "which reported sudden fan spikes on it last year."
            ),
            (
                "Battery life of about eight hours in light use makes the Saber genuinely useful "
                "as an everyday laptop. The speakers are clear, and the webcam is good enough for "
                "video calls. The main drawback is limited upgradeability, as the memory is "
                "soldered to the board. For players who want one machine for work, travel and "
                "games, the Saber 14 is the most balanced option we have tested."
            ),
        ],
        "subheading": "How it performs in games",
        "tags": ["gaming", "laptops", "displays"],
        "images": [
            {
                "alt": (
                    "A thin dark grey laptop with its rear edge slightly raised by the hinge on a "
                    "cafe table"
                ),
                "caption": "The hinge lifts the laptop to improve airflow.",
                "credit": "Newsroom illustration",
            },
        ],
        "source": 3,
        "mention": 2,
        "authors": ["tbergstrom", "lchen"],
        "days_ago": 73,
        "read_also": ["kestrel-raptor-16-review", "ferrow-go-handheld-console"],
    },
    {
        "slug": "ardent-g15-review",
        "title": "Ardent G15 review: the cheapest gaming laptop we would actually recommend",
        "category": "reviews/laptops/gaming-laptops",
        "lead": (
            "At $849, the Ardent G15 makes careful compromises in the right places, delivering "
            "smooth 1080p gaming, a decent screen and room to add more memory and storage later."
        ),
        "paragraphs": [
            (
                "Budget gaming laptops often cut corners that ruin the experience, such as dim "
                "screens, single-channel memory or flimsy hinges. The Ardent G15 avoids most of "
                "these. It combines a 6-core processor with an entry-level Brightforge graphics "
                "chip, 16 GB of memory in two sticks and a 512 GB drive, inside a plastic case "
                "that feels solid enough for daily use."
            ),
            (
                "The 15.6-inch screen runs at 144 Hz and, while not particularly bright, shows "
                "colours accurately enough for gaming. In our tests, the G15 averaged 62 frames "
                "per second in a demanding racing game at medium settings and more than 140 in "
                "popular competitive shooters. Reducing a few graphics options gives most modern "
                "games a smooth experience at 1080p."
            ),
            (
                "Ardent has made upgrades easy. Removing ten screws reveals two memory slots and a "
                "second, empty drive slot, so buyers can add storage as their game library grows. "
                "Replacement batteries are sold directly by the company. Ardent has shipped more "
                "than half a million laptops in the past year, according to Circuit Ledger, mostly "
                "through online retailers."
            ),
            (
                "The compromises are noticeable elsewhere. Battery life is only about five hours "
                "in light use, the speakers are thin and the fans get loud in games. The webcam is "
                "a basic 720p unit. Still, for students and first-time PC gamers on a tight "
                "budget, the G15 offers far better value than most laptops at this price, and it "
                "can be carried to a friend's house."
            ),
        ],
        "subheading": "Built to be upgraded",
        "tags": ["gaming", "laptops", "gpus"],
        "images": [
            {
                "alt": (
                    "A black budget gaming laptop running a racing game, its keyboard lit in red"
                ),
                "caption": "The Ardent G15 costs $849.",
                "credit": "Newsroom illustration",
            },
        ],
        "source": 3,
        "mention": 0,
        "authors": ["dokafor"],
        "days_ago": 99,
        "read_also": ["kestrel-raptor-16-review", "corvid-saber-14-review"],
    },
    {
        "slug": "corvid-pulse-3-review",
        "title": "Corvid Pulse 3 review: a smartwatch with a week of battery and better sleep data",
        "category": "reviews/wearables",
        "lead": (
            "Corvid's third smartwatch lasts seven days between charges, tracks sleep more "
            "accurately than before and finally adds offline maps, though its app store remains "
            "thin."
        ),
        "paragraphs": [
            (
                "The Pulse 3 has a 1.4-inch round OLED display surrounded by a steel bezel, and it "
                "weighs 42 grams with the strap. It feels substantial without being heavy, and it "
                "stayed comfortable during sleep, which matters because sleep tracking is one of "
                "its main selling points. The screen is bright outdoors and can stay on "
                "permanently at a small cost to battery life."
            ),
            (
                "With the always-on display switched off, the watch lasted seven days in our "
                "testing, including three GPS-tracked runs of about an hour each. With it on, the "
                "figure dropped to four and a half days. A full charge takes about 80 minutes "
                "using the magnetic puck, which unfortunately is a proprietary design rather than "
                "a standard wireless charger."
            ),
            (
                "Corvid says a new sensor array improves sleep stage detection, and in our "
                "informal comparison with a clinical sleep monitor, the results were closer than "
                "with its predecessor. Heart rate readings during runs matched a chest strap "
                "within a few beats per minute. The company stores health data encrypted on its "
                "servers, according to Packet Street Journal, which examined the watch's privacy "
                "settings."
            ),
            (
                "Offline maps are a welcome addition for hikers, although they need to be "
                "downloaded region by region through the phone app. Third-party apps are limited, "
                "and contactless payments are not supported in some regions. At $299, the Pulse 3 "
                "is a strong choice for people who care more about health tracking and battery "
                "life than about a large app selection."
            ),
        ],
        "subheading": "Sleep tracking that holds up",
        "tags": ["wearables", "batteries", "privacy"],
        "images": [
            {
                "alt": (
                    "A round smartwatch on a wrist showing a sleep graph with coloured bars for "
                    "each sleep stage"
                ),
                "caption": "Sleep tracking is a major focus of the Pulse 3.",
                "credit": "Newsroom illustration",
            },
        ],
        "source": 7,
        "mention": 6,
        "authors": ["pnair"],
        "days_ago": 43,
        "read_also": ["halvard-ring-review", "corvid-aura-buds-review"],
    },
    {
        "slug": "halvard-ring-review",
        "title": "Halvard Ring review: a discreet health tracker let down by its subscription",
        "category": "reviews/wearables",
        "lead": (
            "The Halvard Ring is comfortable, accurate and lasts five days per charge, but many of "
            "its most useful insights are locked behind a monthly fee on top of the $329 purchase "
            "price."
        ),
        "paragraphs": [
            (
                "Smart rings have become a popular alternative to watches for people who want to "
                "track sleep and activity without a screen on their wrist. The Halvard Ring is "
                "made of titanium, weighs four grams and comes in eight sizes. A sizing kit is "
                "sent before the ring itself, which is wise because an ill-fitting ring gives much "
                "less reliable readings."
            ),
            (
                "After three weeks of wearing it day and night, we found its sleep and heart-rate "
                "data consistent with a chest strap and a dedicated sleep monitor. Its skin "
                "temperature tracking was also sensitive enough to flag the start of a cold a day "
                "before symptoms appeared. Battery life averaged five days, and charging takes "
                "about an hour on a small dock."
            ),
            (
                "The problem is the business model. Without a $6 monthly subscription, the app "
                "shows only basic numbers such as steps and total sleep time. Trends, readiness "
                "scores and detailed reports all require payment. Halvard has also changed its "
                "privacy policy twice this year, according to Packet Street Journal, raising "
                "questions about how health data might be shared with partners."
            ),
            (
                "Over two years, the subscription adds $144 to the price, bringing the total cost "
                "of ownership close to $500. Some competitors offer similar features without any "
                "ongoing fee. If you are happy to pay for the subscription and want a tracker you "
                "will barely notice wearing, the Halvard Ring works well. Otherwise, there are "
                "better-value options available."
            ),
        ],
        "subheading": "The subscription question",
        "tags": ["wearables", "privacy"],
        "images": [
            {
                "alt": (
                    "A brushed titanium ring on its small charging dock next to a phone showing a "
                    "sleep score"
                ),
                "caption": "The ring charges on a small dock in about an hour.",
                "credit": "Newsroom illustration",
            },
        ],
        "source": 2,
        "mention": 6,
        "authors": ["mreyes"],
        "days_ago": 67,
        "read_also": ["corvid-pulse-3-review", "opinion-ai-buttons-everywhere"],
    },
    {
        "slug": "opinion-seven-years-of-phone-updates",
        "title": "Opinion: seven years of software updates should be the minimum for every phone",
        "category": "opinion",
        "lead": (
            "A phone that still works perfectly should not become unsafe simply because its maker "
            "stopped sending patches. Long support periods should be a legal baseline, not a "
            "marketing perk."
        ),
        "paragraphs": [
            (
                "Most people replace their phone not because it breaks but because it slows down, "
                "runs out of storage or stops receiving updates. The last of these reasons is "
                "entirely artificial. The hardware inside a mid-range phone from four years ago is "
                "perfectly capable of handling messaging, banking and maps, yet many such phones "
                "are no longer supported by their makers."
            ),
            (
                "Without security patches, a phone becomes a liability. Banking apps begin to "
                "refuse to run, and known vulnerabilities stay open for anyone to exploit. Owners "
                "face a choice between accepting the risk and buying a new device, which is "
                "expensive for them and wasteful for everyone else, since manufacturing accounts "
                "for most of a phone's lifetime carbon footprint."
            ),
            (
                "Some manufacturers have already shown that long support is possible. Several "
                "flagship and even budget models now come with promises of six or seven years of "
                "updates, according to Handheld Herald, and the industry has not collapsed as a "
                "result. Those companies have turned longevity into a selling point, and customers "
                "seem to appreciate it."
            ),
            (
                "Regulators should make seven years the minimum for every phone sold, including "
                "cheap models whose buyers have the least money to replace them. Manufacturers "
                "will argue that this raises costs. It may, a little. But those costs are "
                "currently pushed onto consumers and onto the environment, and it is time the "
                "companies that design the phones paid them instead."
            ),
        ],
        "subheading": None,
        "tags": ["smartphones", "software-updates", "regulation"],
        "images": [
            {
                "alt": (
                    "A drawer full of old smartphones, some with cracked screens, piled on top of "
                    "each other"
                ),
                "caption": "Many old phones still work but no longer receive updates.",
                "credit": "Newsroom illustration",
            },
        ],
        "source": 5,
        "mention": 7,
        "authors": ["mreyes"],
        "days_ago": 29,
        "read_also": ["right-to-repair-rules-take-effect", "lumora-a5-review"],
    },
    {
        "slug": "opinion-ai-buttons-everywhere",
        "title": "Opinion: an AI button in every app is a solution in search of a problem",
        "category": "opinion",
        "lead": (
            "Software makers are racing to add AI assistants to everything from calculators to "
            "note apps. Few of these features solve real problems, and some of them create new "
            "ones for privacy."
        ),
        "paragraphs": [
            (
                "Open almost any app that has been updated this year and you will probably find a "
                "new sparkle icon somewhere. Click it, and a chat window offers to summarise, "
                "rewrite or explain whatever is on screen. In some cases this is helpful. In many "
                "others, it is a feature added because investors expect it, not because anyone "
                "using the app asked for it."
            ),
            (
                "The problem is not just clutter. Many of these assistants send the content of "
                "your documents, messages or photos to remote servers for processing. The privacy "
                "terms are often vague, and users are rarely told clearly what is kept and for how "
                "long. Features switched on by default have embarrassed several companies once "
                "users discovered what was being uploaded."
            ),
            (
                "There is also a cost in attention. Each new button competes with the tools people "
                "actually use, and support teams now field questions about features nobody "
                "requested. Surveys suggest that only a small minority of users try these "
                "assistants more than once, according to Lab Bench Review, which summarised "
                "several recent usage studies."
            ),
            (
                "None of this means AI is useless. Automatic transcription, better search and "
                "accessibility tools have genuinely improved many apps. But the best features are "
                "often the quiet ones that simply work in the background. Software makers should "
                "start from a problem their users actually have, not from a technology they want "
                "to be seen using."
            ),
        ],
        "subheading": "A cost in attention",
        "tags": ["ai", "privacy"],
        "images": [
            {
                "alt": (
                    "A cluttered app toolbar with a glowing sparkle icon squeezed between ordinary "
                    "editing buttons"
                ),
                "caption": "AI buttons now appear in many everyday apps.",
                "credit": "Newsroom illustration",
            },
        ],
        "source": 6,
        "mention": 5,
        "authors": ["pnair"],
        "days_ago": 5,
        "read_also": [
            "quillon-ai-open-weight-model-runs-on-laptops",
            "developer-survey-ai-coding-assistants",
        ],
    },
    {
        "slug": "opinion-fund-open-source-like-roads",
        "title": "Opinion: funding open-source software should be treated like road maintenance",
        "category": "opinion",
        "lead": (
            "Modern economies run on freely shared code maintained largely by volunteers. Like "
            "roads and bridges, it needs steady public and private investment, not occasional "
            "donations after a crisis."
        ),
        "paragraphs": [
            (
                "When a bridge develops a crack, nobody suggests that the drivers who use it "
                "should organise a bake sale to pay for repairs. Yet that is roughly how we fund "
                "much of the software that runs banks, hospitals and power grids. Critical "
                "open-source libraries are often maintained by a handful of people in their spare "
                "time, with no budget and little recognition."
            ),
            (
                "This arrangement works until it suddenly does not. Every few years, a serious "
                "vulnerability in a widely used component sends companies scrambling, and for a "
                "short while everyone agrees that something must change. Then the news cycle moves "
                "on, the donations dry up and maintainers are left to deal with the next round of "
                "bug reports on their own."
            ),
            (
                "New initiatives are a step in the right direction. The Openfield Foundation's "
                "recent $12 million commitment will support around 40 projects in its first round, "
                "according to Circuit Ledger, and a few governments have started programmes of "
                "their own. But compared with the value this software creates, these sums are tiny "
                "and too dependent on the goodwill of a few sponsors."
            ),
            (
                "A better model would treat critical open-source code as infrastructure. "
                "Governments could fund maintenance through long-term grants, just as they pay for "
                "roads. Companies that profit most from free software could contribute in "
                "proportion to their use. None of this is radical. It is simply paying for the "
                "things we depend on before they break."
            ),
        ],
        "subheading": None,
        "tags": ["open-source", "security", "regulation"],
        "images": [
            {
                "alt": (
                    "A drawing of a bridge built from stacked blocks of program code, with workers "
                    "repairing one block"
                ),
                "caption": "Much of the digital world rests on volunteer-maintained code.",
                "credit": "Newsroom illustration",
            },
        ],
        "source": 6,
        "mention": 0,
        "authors": ["tbergstrom"],
        "days_ago": 25,
        "read_also": [
            "openfield-foundation-funds-open-source-maintainers",
            "framewood-studio-13-review",
        ],
    },
    {
        "slug": "ferrow-go-handheld-console",
        "title": "Ferrow unveils a handheld console that plays PC games at 800p for $449",
        "category": "gaming",
        "lead": (
            "Ferrow Games has announced a handheld gaming PC with a 7-inch screen and a custom "
            "chip, aiming to run much of an existing PC game library on the go for less than its "
            "main rivals."
        ),
        "paragraphs": [
            (
                "The Ferrow Go has a 7-inch display with a resolution of 1280 by 800 and a 90 Hz "
                "refresh rate, along with full-size analogue sticks, a trackpad and rear buttons. "
                "It runs on a custom chip that combines eight processor cores with graphics based "
                "on Brightforge's recent laptop designs. The base model includes 512 GB of storage "
                "and sells for $449."
            ),
            (
                "Ferrow says the device runs most popular PC games at 800p and medium settings at "
                "around 40 to 60 frames per second. The company demonstrated several recent titles "
                "at a press event, and performance appeared smooth, although independent testing "
                "has not yet taken place. The console uses a Linux-based system with a "
                "compatibility layer for games written for desktop PCs."
            ),
            (
                "Battery life depends heavily on the game. Ferrow quotes between two and seven "
                "hours from the 55 Wh battery, with demanding games at the lower end. The console "
                "goes on sale in two months, with pre-orders already open in several regions. "
                "Early pre-orders sold out within hours, according to Patch Notes Gazette, "
                "prompting Ferrow to add a second shipment window."
            ),
            (
                "Handheld PCs have become a popular category, and competitors already offer "
                "devices at various prices. Ferrow's advantage may be its price and its promise to "
                "check and label thousands of games for compatibility before launch. The company "
                "has also committed to selling replacement parts, including the sticks and the "
                "battery, which are among the components most likely to fail."
            ),
        ],
        "subheading": "Battery life and availability",
        "tags": ["gaming", "chips", "displays"],
        "images": [
            {
                "alt": (
                    "A handheld gaming console with a 7-inch screen and twin analogue sticks held "
                    "in two hands"
                ),
                "caption": "The Ferrow Go has a 7-inch, 90 Hz display.",
                "credit": "Newsroom illustration",
            },
            {
                "alt": (
                    "A crowded press event with people queuing to try handheld consoles at demo "
                    "stations"
                ),
                "caption": "Ferrow showed several recent games at its launch event.",
                "credit": "Newsroom illustration",
            },
        ],
        "source": 0,
        "mention": 3,
        "authors": ["tbergstrom"],
        "days_ago": 0,
        "read_also": ["cloud-gaming-latency-test", "corvid-saber-14-review"],
    },
    {
        "slug": "indie-festival-record-demo-downloads",
        "title": "Online indie game festival drives record demo downloads for small studios",
        "category": "gaming",
        "lead": (
            "A week-long digital festival featuring 600 free demos from independent developers "
            "recorded 4.2 million downloads, and several tiny studios report a jump in wishlists "
            "that could shape their launch plans."
        ),
        "paragraphs": [
            (
                "The festival, held on a popular PC game store, invited independent studios to "
                "publish playable demos of unreleased games for a week. Organisers say the 600 "
                "demos were downloaded 4.2 million times, up from 3.1 million at the previous "
                "edition. Puzzle games and cosy farming titles were among the most popular genres, "
                "alongside a surprising number of small horror games."
            ),
            (
                "For small developers, the numbers can be life-changing. A two-person studio "
                "behind a lighthouse-keeping puzzle game said its wishlists grew from 8,000 to "
                "61,000 during the week, which could persuade a publisher to fund a console "
                "version. Wishlists matter because the store notifies everyone who added a game "
                "when it is released or discounted."
            ),
            (
                "Not every studio benefited equally. Developers whose demos were featured on the "
                "front page saw far more attention than those further down, according to Byte "
                "Harbor, and some called for a fairer rotation system. Organisers said they would "
                "test a new recommendation system at the next festival, which is scheduled for the "
                "spring."
            ),
            (
                "Some developers also noted that a successful demo can reveal problems. Feedback "
                "from thousands of players highlighted confusing tutorials and bugs that small "
                "teams had missed. Several studios said they would delay their launches by a few "
                "months to fix these issues, arguing that a stronger release is worth more than "
                "sticking to the original date."
            ),
        ],
        "subheading": "Not everyone got noticed",
        "tags": ["gaming", "startups"],
        "images": [
            {
                "alt": (
                    "A computer screen showing a grid of colourful indie game thumbnails with "
                    "download buttons"
                ),
                "caption": "The festival offered 600 free demos.",
                "credit": "Newsroom illustration",
            },
        ],
        "source": 3,
        "mention": 2,
        "authors": ["lchen"],
        "days_ago": 57,
        "read_also": ["ferrow-go-handheld-console", "cloud-gaming-latency-test"],
    },
    {
        "slug": "cloud-gaming-latency-test",
        "title": "Cloud gaming latency test: four streaming services measured on home broadband",
        "category": "gaming",
        "lead": (
            "We measured input lag, image quality and data use on four cloud gaming services over "
            "fibre and cable connections. The best felt almost local, while the worst was "
            "unplayable for fast games."
        ),
        "paragraphs": [
            (
                "Cloud gaming services run games on remote servers and stream the video to your "
                "screen, sending your controller inputs back over the internet. The appeal is "
                "obvious: no expensive console or graphics card is required. The weak point is "
                "latency, the delay between pressing a button and seeing the result, which can "
                "make fast-paced games feel sluggish."
            ),
            (
                "We tested four services using the same game, a high-speed camera and a controller "
                "wired to an LED that lit up the moment a button was pressed. On a 500-megabit "
                "fibre connection, the best service had a total delay of 48 milliseconds, compared "
                "with about 30 milliseconds for the same game running on a local console. The "
                "worst service measured 112 milliseconds."
            ),
            (
                "Image quality varied widely. The top two services streamed a sharp 1440p picture, "
                "while the others dropped to a blurry image whenever there was a lot of motion on "
                "screen. Data use is considerable: an hour at the highest quality consumed about "
                "12 gigabytes, according to Packet Street Journal, which warned readers with "
                "capped mobile or satellite plans."
            ),
            (
                "Over a cable connection shared with other people streaming video, latency "
                "increased by 10 to 20 milliseconds on every service. For slower games, such as "
                "strategy or role-playing titles, all four services were perfectly playable. For "
                "competitive shooters and fighting games, only the best one came close to the feel "
                "of local hardware, and even that was noticeable to experienced players."
            ),
        ],
        "subheading": "Picture quality and data use",
        "tags": ["gaming", "cloud", "broadband"],
        "images": [
            {
                "alt": (
                    "A high-speed camera on a tripod pointed at a TV and a controller wired to a "
                    "small LED"
                ),
                "caption": "We measured latency with a high-speed camera.",
                "credit": "Newsroom illustration",
            },
            {
                "alt": (
                    "A TV showing a blurry fast-moving racing scene next to a sharp still frame of "
                    "the same game"
                ),
                "caption": "Image quality dropped during fast motion on some services.",
                "credit": "Newsroom illustration",
            },
        ],
        "source": 3,
        "mention": 6,
        "authors": ["lchen", "tbergstrom"],
        "days_ago": 86,
        "read_also": ["ferrow-go-handheld-console", "regional-broadband-fund-connects-rural-towns"],
    },
    {
        # Its German translation is the demo's draft with wrong numbers (content_de.py).
        "slug": "helion-compute-switches-on-10000-gpu-cluster",
        "title": "Helion Compute switches on a training cluster with 10,000 GPUs",
        "category": "news/it-news",
        "lead": (
            "The AI infrastructure firm, founded in 2019 with a $1 billion investment from a group "
            "of pension funds, will rent out its new cluster by the hour to research labs and "
            "startups."
        ),
        "paragraphs": [
            (
                "The cluster, housed in a converted warehouse next to a hydroelectric dam, links "
                "10,000 GPUs over a fast optical network and draws up to 18 megawatts at full "
                "load. Helion says about 70% of its capacity for the coming year is already "
                "booked, mostly by university groups and by companies training models for medicine "
                "and materials science."
            ),
            (
                "Helion was founded in 2019, when a consortium of pension funds put a $1 billion "
                "investment into what was then a plan on paper. The company spent its first years "
                "buying land and long-term power contracts rather than chips, a bet that now looks "
                "shrewd: electricity, not hardware, has become the scarcest resource for anyone "
                "building a large data center."
            ),
            (
                "Customers can rent blocks of 64 GPUs for as little as a day. Prices start at "
                "$2.10 per GPU-hour, according to Circuit Ledger, which has seen the company's "
                "rate card, noticeably less than the large cloud providers charge for comparable "
                "hardware on demand."
            ),
            (
                "Helion plans a second site of a similar size by 2027 and says both will run on "
                "renewable power. Critics point out that nearby towns also depend on the dam in "
                "dry summers, and local officials have asked for a guarantee that households come "
                "first when the water level is low."
            ),
        ],
        "subheading": "Power came before the chips",
        "tags": ["gpus", "ai", "cloud"],
        "images": [
            {
                "alt": (
                    "Long rows of server racks with green status lights inside a converted brick "
                    "warehouse"
                ),
                "caption": "Helion's cluster fills a former warehouse.",
                "credit": "Newsroom illustration",
            },
            {
                "alt": "A concrete hydroelectric dam with water rushing through its spillway",
                "caption": "The cluster draws its power from the dam next door.",
                "credit": "Newsroom illustration",
            },
        ],
        "source": 6,
        "mention": 0,
        "authors": ["lchen"],
        "days_ago": 7,
        "read_also": [
            "brightforge-doubles-accelerator-production",
            "arvane-meridian-192-core-server-chip",
        ],
    },
]

COMMENTS = [
    (
        "Great write-up. This is exactly the kind of detail I was looking for before making up my "
        "mind."
    ),
    (
        "I will believe it when I see independent tests. Launch claims always look better than the "
        "real thing."
    ),
    (
        "Does anyone know whether this will be available outside the big markets, or is it another "
        "regional launch?"
    ),
    (
        "Worth adding that the previous version had the same promise and it took almost a year to "
        "deliver."
    ),
    "My wallet is already crying and I have not even finished reading the article.",
    (
        "Finally some good news this week. Nice to see someone actually fixing a problem instead "
        "of talking about it."
    ),
    "Interesting, but I think the price is going to be the real deciding factor for most people.",
    "Could you do a follow-up in six months? I would love to know how this holds up over time.",
    "The headline is a bit dramatic, but the article itself is fair and well balanced.",
    "I work in this field, and the numbers quoted here match what we are seeing internally.",
    "Every year we are told this is the breakthrough. Every year I am still waiting.",
    "Clear explanation, thank you. I finally understand why this matters.",
    "Serious question: what happens to the older models? Nobody ever seems to mention them.",
    "This is why I keep telling my friends to read past the press release.",
    "Somewhere an engineer is reading this and quietly saying 'I told you so'.",
    "The comparison in the third paragraph was really helpful for putting things in context.",
    "I tried something similar last year and my experience was much worse than described here.",
    (
        "Small correction from a long-time reader: the earlier model was launched in autumn, not "
        "spring."
    ),
    "Good to see the downsides mentioned too. Too many sites only repeat the marketing.",
    "So the short version is: wait for the second generation?",
    (
        "Love the illustrations on these articles, by the way. They make the technical bits easier "
        "to follow."
    ),
    "I am cautiously optimistic. The idea is sound, but execution is everything.",
    "How does this compare to what the competition announced last month?",
    "My cat has more reliable uptime than most of the services I pay for.",
    "Regulators are always five years behind. Glad someone is at least trying.",
    "This affects small businesses much more than people realise. Thanks for covering it.",
    "I would have liked more detail on the privacy side of things, but otherwise a solid piece.",
    "Bookmarked. Sending this to my team tomorrow morning.",
    "Not convinced. The company has made big promises before and quietly dropped them.",
    "The real story here is the supply chain, and that deserves its own article.",
    (
        "As someone on a tight budget, I really appreciate when reviews mention the cheaper "
        "alternatives."
    ),
    "Anyone else remember when this kind of thing was science fiction? Wild times.",
    "Does the test take temperature into account? That usually changes the results quite a bit.",
    "Well researched, and refreshingly free of hype.",
    "I bought into the previous generation and regret nothing, so this is tempting.",
    "It would be great to see the raw test data published alongside the article.",
    "Ten years from now we will laugh at how excited we were about this. Or cry. One of the two.",
    "Important topic, and it deserves more attention from mainstream outlets.",
    "The last paragraph nails it. Long-term support matters more than launch-day specs.",
    "My only question is how long until this becomes standard everywhere.",
]

REPLIES = [
    "Fair point, but the article does mention that further down.",
    "I had the same experience, so you are not alone.",
    "Agreed. Independent tests will tell us much more than any launch event.",
    "Not sure I agree. The numbers look reasonable to me given the price.",
    "Good question. I have been wondering the same thing.",
    "That matches what I have heard from people in the industry.",
    "Ha, this made my morning.",
    "You might be right, but the earlier version had a very different design.",
    "Thanks for the correction, that is useful to know.",
    "I think that is a bit too pessimistic. Things have improved a lot recently.",
    "There is a good explainer on that topic in the archive if you search for it.",
    "Same here. I am holding off until the first round of updates.",
    "Exactly. Marketing numbers and real-world numbers are rarely the same.",
    "To be fair, they did deliver last time, just later than promised.",
    "I asked the same thing in an earlier thread and nobody knew either.",
    "Strongly agree with this. Support periods should be front and centre.",
    "Depends on where you live. Prices vary a lot between regions.",
    "Interesting perspective, I had not thought about it that way.",
    "I work nearby and can confirm it is real, not just a press stunt.",
    "That is a great idea for a follow-up piece.",
    "Hard disagree, but I appreciate the reasoning.",
    "Your cat deserves a service-level agreement.",
    "I think they addressed that in the update last month.",
    "This is the comment I came here to write. Well said.",
    "Patience is a virtue, especially with first-generation hardware.",
]

COMMENTER_NAMES = [
    "Alex P.",
    "Jordan K.",
    "Samira L.",
    "Ben T.",
    "Ines M.",
    "Kofi A.",
    "Hana S.",
    "Luca R.",
    "Maya D.",
    "Oskar V.",
    "Rosa G.",
    "Theo W.",
    "pixel_pusher",
    "kernelpanic42",
    "night_owl_dev",
    "Vera N.",
    "Yusuf B.",
    "Clara F.",
    "gadget_gran",
    "Nils H.",
]


# Readers' comments on passages open for feedback ("feedback" above), by passage.
PASSAGE_COMMENTS = {
    "quillspeed": [
        "Twenty words per second on which laptop? The article should name the machine.",
        "I get about half that on a four-year-old notebook, still usable for emails.",
    ],
    "quillfacts": [
        "Inventing citations is the real problem; a model for drafting must not do that.",
    ],
}
