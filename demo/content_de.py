"""The German edition of the demo: section and tag names, translations of a share of the
English articles (demo/content.py), German comments.

Plain data only, used by demo/sections.py, demo/editions.py and demo/comments.py. The
translations say what their originals say, numbers included, in German number format
(10.000, 3,4 GHz, 26.900 Dollar); each has as many image texts as its original has images.
"""

# English path -> (name, slug, description) in the German edition.
CATEGORIES = {
    "news": (
        "Nachrichten",
        "nachrichten",
        "Tägliche Berichte aus der Technikbranche, von der Chefetage bis ins Forschungslabor.",
    ),
    "news/it-news": (
        "IT",
        "it",
        "Chips, Cloud-Dienste, künstliche Intelligenz und das Geschäft mit Software.",
    ),
    "news/security": (
        "Sicherheit",
        "sicherheit",
        "Datenlecks, Sicherheitslücken, Betrugsmaschen und die Leute, die dagegen angehen.",
    ),
    "news/science": (
        "Wissenschaft",
        "wissenschaft",
        "Forschung mit Technikbezug, von Akkus über das Klima bis zur Biologie.",
    ),
    "news/science/space": (
        "Raumfahrt",
        "raumfahrt",
        "Raketen, Satelliten, Rover und das Geschäft mit dem Weg in den Orbit.",
    ),
    "news/electric-cars": (
        "Elektroautos",
        "elektroautos",
        "Elektrofahrzeuge, Akkus, Ladenetze und was auf der Straße als Nächstes kommt.",
    ),
    "reviews": (
        "Tests",
        "tests",
        "Praxistests der Geräte, die ihr Geld wert sind – und der, die es nicht sind.",
    ),
    "reviews/smartphones": (
        "Smartphones",
        "smartphones",
        "Ausführliche Smartphone-Tests mit Messungen von Akku, Kamera und Display.",
    ),
    "reviews/laptops": (
        "Notebooks",
        "notebooks",
        "Notebooks im Test: für die Arbeit, fürs Studium und alles dazwischen.",
    ),
    "reviews/laptops/gaming-laptops": (
        "Gaming-Notebooks",
        "gaming-notebooks",
        "Mobile Spielerechner, gemessen an Bildrate, Abwärme und Lautstärke.",
    ),
    "reviews/wearables": (
        "Wearables",
        "wearables",
        "Smartwatches, Ringe, Ohrhörer und andere Technik, die man jeden Tag am Körper trägt.",
    ),
    "opinion": (
        "Meinung",
        "meinung",
        "Kolumnen und Kommentare unserer Autorinnen und Autoren zur Richtung der Technik.",
    ),
    "gaming": (
        "Games",
        "games",
        "Konsolen, Handhelds, Spielestudios und die Kultur rund ums Spielen.",
    ),
}

# Tags that read as topic pages: English tag name -> (English, German description).
TOPICS = {
    "ai": (
        "Machine learning and the companies that build it: language models, chips made for "
        "them, and the rules that are being written for both.",
        "Maschinelles Lernen und die Firmen dahinter: Sprachmodelle, Chips dafür und die "
        "Regeln, die für beides entstehen.",
    ),
    "chips": (
        "Processors, memory and the factories that make them, from the design lab to the fab.",
        "Prozessoren, Speicher und die Fabriken, die sie herstellen, vom Entwurf bis zur "
        "Fertigung.",
    ),
    "privacy": (
        "What apps, devices and services know about their users, and what the law lets them "
        "do with it.",
        "Was Apps, Geräte und Dienste über ihre Nutzer wissen und was sie damit tun dürfen.",
    ),
}

# English tag name -> (German name, German slug or None where the English slug fits).
TAGS = {
    "ai": ("KI", "ki"),
    "batteries": ("Akkus", "akkus"),
    "broadband": ("Breitband", "breitband"),
    "chips": ("Chips", None),
    "climate": ("Klima", "klima"),
    "cloud": ("Cloud", None),
    "displays": ("Displays", None),
    "electric-cars": ("Elektroautos", "elektroautos"),
    "gaming": ("Gaming", None),
    "gpus": ("GPUs", None),
    "laptops": ("Notebooks", "notebooks"),
    "open-source": ("Open Source", None),
    "privacy": ("Datenschutz", "datenschutz"),
    "regulation": ("Regulierung", "regulierung"),
    "research": ("Forschung", "forschung"),
    "security": ("Sicherheit", "sicherheit"),
    "smartphones": ("Smartphones", None),
    "software-updates": ("Software-Updates", None),
    "space": ("Raumfahrt", "raumfahrt"),
    "startups": ("Start-ups", "start-ups"),
    "wearables": ("Wearables", None),
}

CREDIT = "Illustration: Newsroom"

# "original": the English article's slug. "minutes_later": published that long after
# the original. "draft": left unpublished.
ARTICLES = [
    {
        "original": "quillon-ai-open-weight-model-runs-on-laptops",
        "slug": "quillon-ai-offenes-sprachmodell-laeuft-auf-notebooks",
        "feedback": {1: "quillspeedde", 2: "quillfactsde"},
        "title": "Quillon AI veröffentlicht offenes Sprachmodell, das auf Notebooks läuft",
        "lead": (
            "Das neue Modell des Start-ups mit 8 Milliarden Parametern läuft offline auf einem "
            "Notebook mit 16 GB Arbeitsspeicher. Die Gewichte gibt es kostenlos unter einer "
            "freizügigen Lizenz, die auch kommerzielle Nutzung erlaubt."
        ),
        "subheading": "Stark bei Code, schwach bei Fakten",
        "paragraphs": [
            (
                "Quillon AI, vor zwei Jahren gegründet und mit 60 Beschäftigten, hat das Modell "
                "namens Quill-8 nach eigenen Angaben vor allem mit lizenzierten Texten, "
                "gemeinfreien Büchern und Quellcode unter eindeutigen Lizenzen trainiert. Zusammen "
                "mit den Gewichten veröffentlichte die Firma eine Liste ihrer Datenquellen – ein "
                "Schritt, den Forscher von den großen KI-Labors seit Langem fordern und den bisher "
                "kaum eines gegangen ist."
            ),
            (
                "Auf einem Mittelklasse-Notebook mit 16 GB Speicher erzeugt eine komprimierte "
                "Fassung von Quill-8 rund 20 Wörter pro Sekunde. Das genügt, um E-Mails zu "
                "entwerfen oder Dokumente zusammenzufassen, ohne dass Daten in die Cloud wandern. "
                "Die Variante mit voller Genauigkeit braucht etwa zweimal so viel Speicher und ist "
                "für Server oder Desktop-Rechner mit eigener Grafikkarte gedacht."
            ),
            (
                "Erste Tests aus der Community zeigen: Kurze Programme schreibt und erklärt das "
                "Modell gut, es erfindet aber häufiger als größere Systeme Jahreszahlen, Namen und "
                "Quellenangaben. In Programmier-Benchmarks schnitt es gut ab, bei Fragen zum "
                "Allgemeinwissen spürbar schlechter, berichtet Circuit Ledger, das am Wochenende "
                "eine Reihe gängiger Evaluierungen laufen ließ."
            ),
            (
                "Die Lizenz erlaubt kommerzielle Produkte auf Basis von Quill-8, solange ein "
                "Herkunftshinweis erhalten bleibt. Geld verdienen will Quillon mit Fine-Tuning als "
                "Dienstleistung und mit einer gehosteten Version mit zusätzlichen Schutzfiltern. "
                "Ein größeres Modell ist bereits im Training; wann es erscheint und ob auch seine "
                "Gewichte öffentlich werden, wollte das Unternehmen nicht sagen."
            ),
        ],
        "images": [
            {
                "alt": (
                    "Ein Notebook auf einem Küchentisch zeigt ein Chatfenster neben einem "
                    "durchgestrichenen Netzwerksymbol"
                ),
                "caption": "Quill-8 läuft auf einem aktuellen Notebook komplett offline.",
            },
        ],
        "minutes_later": 0,
    },
    {
        "original": "corvid-pulse-3-review",
        "slug": "corvid-pulse-3-test",
        "title": "Corvid Pulse 3 im Test: eine Woche Laufzeit und bessere Schlafdaten",
        "lead": (
            "Corvids dritte Smartwatch hält sieben Tage pro Akkuladung durch, erfasst den Schlaf "
            "genauer als zuvor und bringt endlich Offline-Karten mit. Nur das App-Angebot bleibt "
            "dünn."
        ),
        "subheading": "Schlaftracking, das überzeugt",
        "paragraphs": [
            (
                "Die Pulse 3 hat ein rundes 1,4-Zoll-OLED-Display mit Stahllünette und wiegt samt "
                "Armband 42 Gramm. Sie wirkt solide, ohne schwer zu sein, und trug sich auch "
                "nachts angenehm – wichtig, denn die Schlafanalyse ist eines ihrer Hauptargumente. "
                "Das Display ist draußen gut ablesbar und kann dauerhaft eingeschaltet bleiben, "
                "was ein wenig Laufzeit kostet."
            ),
            (
                "Mit abgeschaltetem Always-on-Display hielt die Uhr in unserem Test sieben Tage "
                "durch, darunter drei Läufe von jeweils rund einer Stunde mit GPS-Aufzeichnung. "
                "Mit Dauerdisplay reichte eine Ladung für viereinhalb Tage. Eine volle "
                "Ladung dauert mit dem magnetischen Ladepuck etwa 80 Minuten – leider eine "
                "Eigenentwicklung statt eines gewöhnlichen kabellosen Ladegeräts."
            ),
            (
                "Eine neue Sensoreinheit soll laut Corvid die Schlafphasen besser erkennen, und im "
                "informellen Vergleich mit einem klinischen Schlafmessgerät lagen die Ergebnisse "
                "tatsächlich näher beieinander als beim Vorgänger. Die Herzfrequenz beim Laufen "
                "wich nur um wenige Schläge pro Minute von einem Brustgurt ab. Gesundheitsdaten "
                "speichert der Hersteller verschlüsselt auf seinen Servern, berichtet das Packet "
                "Street Journal, das sich die Datenschutzeinstellungen der Uhr angesehen hat."
            ),
            (
                "Offline-Karten sind für Wanderer eine willkommene Neuerung, müssen aber Region "
                "für Region über die Smartphone-App geladen werden. Apps von Drittanbietern gibt "
                "es wenige, kontaktloses Bezahlen funktioniert nicht überall. Für 299 Dollar ist "
                "die Pulse 3 eine gute Wahl für alle, denen Gesundheitsdaten und Akkulaufzeit "
                "wichtiger sind als eine große App-Auswahl."
            ),
        ],
        "images": [
            {
                "alt": (
                    "Eine runde Smartwatch am Handgelenk zeigt ein Schlafdiagramm mit farbigen "
                    "Balken für jede Schlafphase"
                ),
                "caption": "Die Schlafanalyse steht bei der Pulse 3 im Mittelpunkt.",
            },
        ],
        "minutes_later": 95,
    },
    {
        "original": "opinion-seven-years-of-phone-updates",
        "slug": "meinung-sieben-jahre-updates-fuer-jedes-smartphone",
        "title": "Meinung: Sieben Jahre Software-Updates müssen für jedes Smartphone Pflicht sein",
        "lead": (
            "Ein Smartphone, das tadellos funktioniert, darf nicht unsicher werden, nur weil sein "
            "Hersteller keine Patches mehr schickt. Lange Update-Zeiträume gehören ins Gesetz, "
            "nicht in die Werbung."
        ),
        "subheading": "",
        "paragraphs": [
            (
                "Die meisten Menschen ersetzen ihr Smartphone nicht, weil es kaputtgeht, sondern "
                "weil es langsam wird, der Speicher vollläuft oder keine Updates mehr kommen. Der "
                "letzte Grund ist vollkommen künstlich. Die Hardware eines Mittelklassegeräts von "
                "vor vier Jahren kommt mit Messengern, Banking und Karten spielend zurecht – und "
                "trotzdem haben die Hersteller viele dieser Geräte längst aufgegeben."
            ),
            (
                "Ohne Sicherheitspatches wird ein Smartphone zur Gefahr. Banking-Apps verweigern "
                "irgendwann den Dienst, bekannte Lücken stehen jedem offen, der sie ausnutzen "
                "will. Die Besitzer haben die Wahl, das Risiko hinzunehmen oder ein neues Gerät zu "
                "kaufen. Das ist teuer für sie und eine Verschwendung für alle anderen, denn der "
                "größte Teil der Klimabilanz eines Smartphones entsteht bei seiner Herstellung."
            ),
            (
                "Dass es anders geht, zeigen einige Hersteller schon heute. Mehrere Flaggschiffe "
                "und sogar Einsteigermodelle kommen inzwischen mit dem Versprechen von sechs oder "
                "sieben Jahren Updates, schreibt der Handheld Herald – und die Branche ist daran "
                "nicht zugrunde gegangen. Diese Firmen haben Langlebigkeit zum Verkaufsargument "
                "gemacht, und die Kundschaft weiß das offenbar zu schätzen."
            ),
            (
                "Der Gesetzgeber sollte sieben Jahre als Minimum für jedes verkaufte Smartphone "
                "festschreiben, gerade auch für günstige Modelle, deren Käufer am wenigsten Geld "
                "für Ersatz haben. Die Hersteller werden einwenden, das mache alles teurer. Mag "
                "sein, ein wenig. Doch diese Kosten tragen heute die Verbraucher und die Umwelt. "
                "Es wird Zeit, dass sie bei den Unternehmen landen, die die Geräte entwerfen."
            ),
        ],
        "images": [
            {
                "alt": (
                    "Eine Schublade voller alter Smartphones, einige mit gesprungenem Display, "
                    "kreuz und quer übereinander"
                ),
                "caption": (
                    "Viele alte Handys funktionieren noch, bekommen aber keine Updates mehr."
                ),
            },
        ],
        "minutes_later": 240,
    },
    {
        "original": "ferrow-go-handheld-console",
        "slug": "ferrow-go-handheld-pc-spiele-800p",
        "title": "Ferrow Go: Handheld-Konsole spielt PC-Spiele in 800p für 449 Dollar",
        "lead": (
            "Ferrow Games hat einen Handheld-PC mit 7-Zoll-Display und eigenem Chip angekündigt. "
            "Er soll große Teile vorhandener PC-Spielesammlungen unterwegs spielbar machen – "
            "günstiger als die wichtigsten Konkurrenten."
        ),
        "subheading": "Akkulaufzeit und Verfügbarkeit",
        "paragraphs": [
            (
                "Die Ferrow Go hat ein 7-Zoll-Display mit 1280 × 800 Pixeln und 90 Hz, dazu "
                "Analogsticks in voller Größe, ein Trackpad und Tasten auf der Rückseite. Im "
                "Inneren steckt ein eigens entwickelter Chip, der acht Prozessorkerne mit einer "
                "Grafikeinheit auf Basis von Brightforges jüngsten Notebook-Designs kombiniert. "
                "Das Basismodell hat 512 GB Speicher und kostet 449 Dollar."
            ),
            (
                "Laut Ferrow laufen die meisten beliebten PC-Spiele in 800p bei mittleren Details "
                "mit etwa 40 bis 60 Bildern pro Sekunde. Auf einer Presseveranstaltung zeigte das "
                "Unternehmen mehrere aktuelle Titel, die flüssig wirkten; unabhängige Tests stehen "
                "allerdings noch aus. Als Betriebssystem dient ein Linux-System mit einer "
                "Kompatibilitätsschicht für Spiele, die für Desktop-PCs geschrieben wurden."
            ),
            (
                "Wie lange der Akku durchhält, hängt stark vom Spiel ab: Ferrow nennt für den "
                "55-Wh-Akku zwischen zwei und sieben Stunden, anspruchsvolle Spiele am unteren "
                "Ende. In den Handel kommt die Konsole in zwei Monaten, vorbestellen lässt sie "
                "sich in mehreren Regionen schon jetzt. Die ersten Kontingente waren laut Patch "
                "Notes Gazette binnen Stunden vergriffen, worauf Ferrow ein weiteres Lieferfenster "
                "eingeplant hat."
            ),
            (
                "Handheld-PCs sind zu einer beliebten Geräteklasse geworden, und die Konkurrenz "
                "bietet bereits Modelle in allen Preislagen. Ferrows Trümpfe könnten der Preis "
                "sein und das Versprechen, vor dem Marktstart Tausende Spiele auf Kompatibilität "
                "zu prüfen und zu kennzeichnen. Außerdem will der Hersteller Ersatzteile "
                "verkaufen, darunter Sticks und Akku – genau die Teile, die am ehesten ausfallen."
            ),
        ],
        "images": [
            {
                "alt": (
                    "Eine Handheld-Konsole mit 7-Zoll-Bildschirm und zwei Analogsticks in den "
                    "Händen eines Spielers"
                ),
                "caption": "Die Ferrow Go hat ein 7-Zoll-Display mit 90 Hz.",
            },
            {
                "alt": (
                    "Eine volle Presseveranstaltung, auf der Besucher Schlange stehen, um "
                    "Handheld-Konsolen an Demo-Stationen auszuprobieren"
                ),
                "caption": "Ferrow zeigte bei der Vorstellung mehrere aktuelle Spiele.",
            },
        ],
        "minutes_later": 30,
    },
    {
        "original": "kestrel-raptor-16-review",
        "slug": "kestrel-raptor-16-test",
        "title": "Kestrel Raptor 16 im Test: Bildraten wie am Desktop, Lüfter leider auch",
        "lead": (
            "Kestrels Gaming-Flaggschiff bringt aktuelle Spiele mit hohen Details auf sein "
            "240-Hz-Display. Unter Last sind die Lüfter allerdings noch im Nebenzimmer zu hören."
        ),
        "subheading": "Der Preis der Leistung",
        "paragraphs": [
            (
                "Im Raptor 16 arbeitet ein Prozessor mit 24 Kernen mit Brightforges schnellstem "
                "mobilen Grafikchip zusammen, der bis zu 175 Watt aufnehmen darf. Unsere "
                "Testkonfiguration für 2.899 Dollar hat 32 GB Arbeitsspeicher und eine SSD mit 2 "
                "TB. Das 16-Zoll-Mini-LED-Display mit 2560 × 1600 Pixeln läuft mit 240 Hz und ist "
                "hell genug, damit HDR-Spiele richtig zur Geltung kommen."
            ),
            (
                "In unseren Benchmarks erreichte der Raptor in einem anspruchsvollen "
                "Open-World-Spiel bei nativer Auflösung und hohen Details im Schnitt 118 Bilder "
                "pro Sekunde, in kompetitiven Shootern mehr als 200. Damit liegt er nah an einem "
                "Mittelklasse-Desktop mit vergleichbarer Grafikkarte. Auch über eine zweistündige "
                "Sitzung blieb die Leistung konstant, ohne Anzeichen von Drosselung."
            ),
            (
                "Um die Komponenten zu kühlen, braucht es drei Lüfter, und die kamen im "
                "Leistungsmodus in unserer Messung auf Armlänge auf 54 Dezibel. Ein leiserer Modus "
                "senkt den Lärm deutlich, kostet aber etwa 15 Prozent Bildrate. Mehrere Besitzer "
                "des Vorjahresmodells klagten laut Patch Notes Gazette über ein fiependes "
                "Netzteil; unser Testgerät blieb still."
            ),
            (
                "Die Akkulaufzeit ist kurz: etwa vier Stunden beim Surfen, beim Spielen ohne "
                "Netzteil gut eine Stunde. Die Tastatur ist Taste für Taste beleuchtet und hat "
                "einen angenehm langen Hub, die Anschlüsse sind hervorragend, mit vollwertiger "
                "Netzwerkbuchse und zwei schnellen USB-C-Ports. Wer Desktop-Leistung von Zimmer zu "
                "Zimmer tragen will und gute Kopfhörer besitzt, ist mit dem Raptor gut bedient."
            ),
        ],
        "images": [
            {
                "alt": (
                    "Ein großes schwarzes Gaming-Notebook mit bunt leuchtender Tastatur auf einem "
                    "dunklen Schreibtisch"
                ),
                "caption": "Beim Raptor 16 leuchtet jede Taste einzeln.",
            },
            {
                "alt": (
                    "Nahaufnahme großer Lüftungsschlitze an der Rückkante eines Gaming-Notebooks"
                ),
                "caption": "Drei Lüfter halten die Komponenten kühl.",
            },
        ],
        "minutes_later": 120,
    },
    {
        "original": "arvane-meridian-192-core-server-chip",
        "slug": "arvane-meridian-2-nm-serverchip-192-kerne",
        "title": "Arvane Semiconductors zeigt 2-nm-Serverchip mit 192 Effizienzkernen",
        "lead": (
            "Arvanes neuer Serverprozessor Meridian vereint 192 Kerne in einem Gehäuse und soll in "
            "typischen Cloud-Anwendungen pro Watt die zweifache Arbeit der Vorgängergeneration "
            "leisten."
        ),
        "subheading": "Entscheidend ist die Speicherbandbreite",
        "paragraphs": [
            (
                "Meridian wird im 2-Nanometer-Verfahren gefertigt und verteilt seine 192 Kerne auf "
                "acht Chiplets rund um einen zentralen I/O-Die. Jeder Kern taktet mit bis zu 3,4 "
                "GHz, das ganze Package ist für 350 Watt ausgelegt. Arvane zielt damit klar auf "
                "Cloud-Anbieter, die sehr viele kleine virtuelle Maschinen vermieten statt weniger "
                "besonders leistungsstarker."
            ),
            (
                "In Arvanes eigenen Benchmarks schaffte ein Server mit zwei Sockeln und 384 Kernen "
                "bei Webserver- und Datenbanktests ungefähr die zweifache Leistung pro Watt des "
                "Vorjahresmodells. Unabhängige Messungen gibt es noch nicht, und Arvane testete "
                "mit Speicherbestückungen, die kaum ein Kunde kaufen dürfte. Analysten raten "
                "deshalb zur Vorsicht, bevor man Schlüsse zieht."
            ),
            (
                "Pro Sockel unterstützt der Chip zwölf Kanäle schnellen DDR5-Speichers, dazu einen "
                "neuen Anschlussstandard, mit dem sich zusätzlicher Arbeitsspeicher über mehrere "
                "Server hinweg bündeln lässt. Das zählt vor allem bei der KI-Inferenz, wo Modelle "
                "oft eher auf Daten warten als aufs Rechnen. Zwei große Hoster wollen laut Packet "
                "Street Journal im kommenden Frühjahr Meridian-Systeme in Betrieb nehmen."
            ),
            (
                "Preise nannte Arvane nicht, nur dass man mit vergleichbaren Produkten der "
                "Konkurrenz mithalten werde. Die Auslieferung in großen Stückzahlen soll im "
                "zweiten Quartal beginnen. Später im Jahr folgt außerdem eine Version mit 96 "
                "Kernen für Edge-Rechenzentren und Mobilfunkstandorte, aufgebaut aus vier statt "
                "acht Chiplets."
            ),
        ],
        "images": [
            {
                "alt": (
                    "Ein quadratisches Prozessorgehäuse mit acht kleinen Siliziumplättchen rund um "
                    "einen größeren Die in der Mitte"
                ),
                "caption": "Meridian besteht aus acht Rechen-Chiplets um einen zentralen Die.",
            },
            {
                "alt": (
                    "Reihen von Serverschränken mit blauen Statusleuchten in einem abgedunkelten "
                    "Rechenzentrumsgang"
                ),
                "caption": "Cloud-Anbieter sind die wichtigste Zielgruppe des neuen Chips.",
            },
        ],
        "minutes_later": 60,
    },
    {
        "original": "router-firmware-flaw-lanternfish-botnet",
        "slug": "router-firmware-luecke-botnetz-lanternfish",
        "title": "Lücke in Router-Firmware: Botnetz kapert schätzungsweise 300.000 Heimgeräte",
        "lead": (
            "Über eine Schwachstelle in einer Weboberfläche, die mehrere Billig-Routermarken "
            "verwenden, ist ein großes Botnetz entstanden – und viele der betroffenen Modelle "
            "werden nie ein Update bekommen."
        ),
        "subheading": "Alte Modelle bleiben ohne Patch",
        "paragraphs": [
            (
                "Die Lücke steckt laut Sicherheitsforschern in einer Diagnoseseite, die eigentlich "
                "nur aus dem Heimnetz erreichbar sein sollte, bei manchen Modellen ab Werk aber "
                "offen im Internet stand. Mit einer präparierten Anfrage konnten Angreifer ohne "
                "Passwort Befehle auf dem Router ausführen und ein kleines Programm installieren, "
                "das auf Anweisungen wartet."
            ),
            (
                "Das so entstandene Botnetz, von den Forschern Lanternfish getauft, überzieht vor "
                "allem Gaming-Server und kleine Firmen mit Datenmüll. Rund 300.000 Geräte gelten "
                "als infiziert, die meisten in Privathaushalten. Die tatsächliche Zahl dürfte "
                "höher liegen, denn viele Router sind wenige Stunden nach Neustart und Bereinigung "
                "schon wieder befallen."
            ),
            (
                "Die fehlerhafte Softwarekomponente lieferte derselbe Auftragsfertiger an "
                "mindestens sechs Routermarken. Zwei davon haben neue Firmware veröffentlicht, "
                "doch vier der betroffenen Modelle sind schon seit Jahren aus dem Support, "
                "berichtet das Packet Street Journal, das bei jedem Hersteller nachgefragt hat. "
                "Keiner von ihnen plant ein Update."
            ),
            (
                "Besitzer sollten die Modellnummer ihres Routers mit der Liste der Forscher "
                "abgleichen, vorhandene Updates einspielen und die Fernwartung abschalten. Gibt es "
                "kein Update, raten Fachleute zum Austausch. Provider in zwei Ländern warnen "
                "inzwischen Kunden, deren Router Anzeichen einer Infektion zeigen, und bieten "
                "teils vergünstigte Ersatzgeräte an."
            ),
        ],
        "images": [
            {
                "alt": (
                    "Ein kleiner weißer Heimrouter mit blinkenden Leuchten auf einem Regal neben "
                    "verhedderten Kabeln"
                ),
                "caption": "Viele der betroffenen Router sind mehrere Jahre alt.",
            },
            {
                "alt": "Eine Weltkarte mit roten Punkten an den Standorten infizierter Geräte",
                "caption": "Die Infektionen ballen sich in Heimnetzen.",
            },
        ],
        "minutes_later": 45,
    },
    {
        "original": "solid-state-battery-5000-cycles",
        "slug": "festkoerperakku-prototyp-5000-ladezyklen",
        "title": "Prototyp eines Festkörperakkus übersteht im Labor 5000 Ladezyklen",
        "lead": (
            "Mit einem neuen Elektrolyten aus Keramik und Polymer hat ein Universitätsteam eine "
            "kleine Akkuzelle nach 5000 Vollladungen über 90 Prozent ihrer ursprünglichen "
            "Kapazität gehalten – weit mehr, als heutige Akkus von Elektroautos aushalten müssen."
        ),
        "subheading": "Von der Knopfzelle zum Auto ist es weit",
        "paragraphs": [
            (
                "Festkörperakkus ersetzen die brennbare Flüssigkeit einer herkömmlichen "
                "Lithium-Ionen-Zelle durch ein festes Material. Das verspricht mehr Energie auf "
                "weniger Raum und ein geringeres Brandrisiko. Die Schwachstelle war bislang die "
                "Haltbarkeit: Winzige Metallfäden, sogenannte Dendriten, wachsen mit der Zeit "
                "durch die feste Schicht, lösen irgendwann einen Kurzschluss aus und machen die "
                "Zelle unbrauchbar."
            ),
            (
                "Die Forscher kombinierten eine dünne Keramikfolie mit einer flexiblen "
                "Polymerbeschichtung auf beiden Seiten. Die Keramik hält die Dendriten auf, das "
                "Polymer sorgt für guten Kontakt zu den Elektroden, die sich beim Laden ausdehnen "
                "und wieder zusammenziehen. Im Test behielten münzgroße Zellen nach 5000 Zyklen "
                "bei Raumtemperatur 91 Prozent ihrer Kapazität, bei jeweils rund 20 Minuten für "
                "eine Vollladung."
            ),
            (
                "Was als Nächstes kommt, sieht das Team nüchtern. Knopfzellen speichern nur einen "
                "winzigen Bruchteil der Energie eines Autoakkus, und viele Probleme zeigen sich "
                "erst, wenn Zellen größer werden und gestapelt sind. Zusammen mit einem "
                "Batterie-Start-up will die Gruppe nun größere Pouch-Zellen bauen; erste "
                "Ergebnisse soll es laut Volt & Road im kommenden Jahr geben."
            ),
            (
                "Hält das Material auch im großen Format, was es im Labor verspricht, könnte ein "
                "Autoakku das Fahrzeug selbst überleben. Bei einer Vollladung pro Tag entsprächen "
                "5000 Zyklen mehr als dreizehn Jahren Fahrbetrieb. Außerdem kommt der Elektrolyt "
                "ohne Kobalt und mit wenig Lithium aus, was bei Kosten und Rohstoffversorgung "
                "helfen könnte."
            ),
        ],
        "images": [
            {
                "alt": "Eine Pinzette hält eine münzgroße Akkuzelle über ein Testgestell im Labor",
                "caption": "Getestet wurde mit kleinen Knopfzellen.",
            },
            {
                "alt": (
                    "Ein geschichteter Querschnitt aus Keramik- und Polymerfolien, gezeichnet wie "
                    "ein Bild unter dem Mikroskop"
                ),
                "caption": "Eine Keramikschicht liegt zwischen zwei flexiblen Polymerschichten.",
            },
        ],
        "minutes_later": 180,
    },
    {
        "original": "vantor-lands-reusable-upper-stage",
        "slug": "vantor-landet-wiederverwendbare-oberstufe",
        "title": "Vantor Aerospace landet wiederverwendbare Oberstufe nach erstem Orbitalflug",
        "lead": (
            "Das Start-up hat erstmals die Oberstufe seiner Rakete aus dem Orbit zurückgeholt – "
            "ein Schritt, an den sich die meisten Startanbieter wegen Hitze und Geschwindigkeit "
            "noch nicht gewagt haben."
        ),
        "subheading": "Erst die Inspektion, dann der nächste Flug",
        "paragraphs": [
            (
                "Vantors Rakete Kite hob im Morgengrauen mit vier Kleinsatelliten ab, die etwa "
                "eine Stunde später in einer Umlaufbahn in 550 Kilometern Höhe ausgesetzt wurden. "
                "Danach bremste die Oberstufe mit ihrem Triebwerk ab, trat hinter einem "
                "keramischen Hitzeschild wieder in die Atmosphäre ein und öffnete einen lenkbaren "
                "Fallschirm, bevor sie auf einer aufblasbaren Landeplattform auf dem Meer "
                "aufsetzte."
            ),
            (
                "Erste Stufen zu bergen ist für manche Betreiber längst Routine. Oberstufen sind "
                "jedoch etwa viermal so schnell und auf dem Rückweg einer weit stärkeren Erhitzung "
                "ausgesetzt, weshalb die meisten Firmen sie einfach verglühen lassen. Hitzeschild "
                "und Fallschirm machen Vantors Stufe nach Firmenangaben 14 Prozent schwerer als "
                "eine Einwegkonstruktion, was die Nutzlast der Rakete um rund 200 Kilogramm senkt."
            ),
            (
                "In den kommenden zwei Monaten will das Unternehmen die geborgene Stufe "
                "untersuchen und sie innerhalb eines Jahres wieder fliegen lassen. Auf ersten "
                "Fotos fielen laut Orbit Weekly Brandspuren an der Triebwerksdüse auf; Vantor "
                "spricht von kosmetischen Schäden im erwarteten Rahmen."
            ),
            (
                "Klappt die Wiederverwendung, ließe sich der Preis für den Transport eines "
                "Kleinsatelliten in den Orbit nach Vantors Rechnung um etwa ein Drittel senken. "
                "Für die nächsten zwei Jahre hat das Unternehmen 23 Starts gebucht, die meisten "
                "für Start-ups aus Erdbeobachtung und Kommunikation. Die Konkurrenz schaut genau "
                "hin: Mindestens zwei Anbieter prüfen nach eigenen Angaben ähnliche "
                "Bergungssysteme."
            ),
        ],
        "images": [
            {
                "alt": (
                    "Eine kegelförmige Raketenstufe hängt bei Sonnenaufgang unter einem "
                    "orangefarbenen Fallschirm über ruhiger See"
                ),
                "caption": "Die Stufe sank an einem lenkbaren Fallschirm herab.",
            },
            {
                "alt": (
                    "Bergungsteam in orangefarbenen Anzügen neben einer angesengten Raketenstufe "
                    "auf einer aufblasbaren Plattform"
                ),
                "caption": "Das Bergungsteam sicherte die Stufe binnen einer Stunde.",
            },
        ],
        "minutes_later": 75,
    },
    {
        "original": "halden-wren-compact-ev-price",
        "slug": "halden-wren-kompaktes-elektroauto-preis",
        "title": "Halden Motors: kompaktes E-Auto für unter 27.000 Dollar mit 400 km Reichweite",
        "lead": (
            "Der neue Kompaktwagen Halden Wren startet bei 26.900 Dollar und gehört damit zu den "
            "günstigsten Elektroautos mit alltagstauglicher Reichweite von rund 400 Kilometern."
        ),
        "subheading": "Reichweite im Alltag",
        "paragraphs": [
            (
                "Der Wren nutzt einen 52-kWh-Akku aus Lithium-Eisenphosphat-Zellen. Diese "
                "Zellchemie ist günstiger und langlebiger als die nickelreichen Zellen vieler "
                "Premiummodelle, speichert aber weniger Energie pro Kilogramm. Halden gibt 400 "
                "Kilometer Reichweite im Normzyklus an; am Schnelllader soll der Akku in 28 "
                "Minuten von 10 Prozent auf 80 Prozent kommen."
            ),
            (
                "Um den Preis zu halten, hat Halden den Innenraum vereinfacht: ein zentraler "
                "Touchscreen, kein eigenes Fahrerdisplay, nur zwei Ausstattungslinien. Gebaut wird "
                "der Wagen in einem Werk, in dem bisher Benzin-Kompaktwagen vom Band liefen – ein "
                "neues Werk blieb dem Unternehmen so erspart. Die Auslieferung soll im zeitigen "
                "Frühjahr beginnen, Rechtslenker folgen später."
            ),
            (
                "Wer früh zugreift, wird wissen wollen, wie sich die Reichweite im Winter schlägt. "
                "Lithium-Eisenphosphat-Akkus verlieren bei Kälte mehr Kapazität als manche "
                "Alternativen; auf der Autobahn könnte die Reichweite bei Frost auf rund "
                "280 Kilometer sinken, schätzt Byte Harbor nach einer Fahrt mit einem "
                "Vorserienwagen in der vergangenen Woche. Eine Wärmepumpe ist serienmäßig an Bord "
                "und soll den Verlust begrenzen."
            ),
            (
                "Analysten sehen den Wren als Teil eines breiteren Trends: Die Hersteller wollen "
                "Elektroautos zu Preisen anbieten, die mit vergleichbaren Benzinern mithalten. "
                "Halden rechnet im ersten Jahr mit 60.000 verkauften Fahrzeugen. Auch die "
                "Konkurrenz hat günstige Modelle angekündigt, und das Segment könnte schnell eng "
                "werden, wenn die Akkupreise weiter so fallen wie bisher."
            ),
        ],
        "images": [
            {
                "alt": (
                    "Ein kleines blaues Elektroauto mit fünf Türen an einer Ladesäule in der Stadt"
                ),
                "caption": "Der Wren kostet ab 26.900 Dollar.",
            },
            {
                "alt": (
                    "Ein schlichtes Armaturenbrett mit einem zentralen Touchscreen und einem "
                    "Lenkrad mit zwei Speichen"
                ),
                "caption": "Den Innenraum hat Halden bewusst schlicht gehalten.",
            },
        ],
        "minutes_later": 150,
    },
    {
        "original": "budget-tablets-tested",
        "slug": "guenstige-tablets-im-test",
        "title": "Günstige Tablets im Test: vier Modelle unter 300 Dollar nach einem Monat Alltag",
        "lead": (
            "Vier Wochen lang haben wir vier preiswerte Tablets zum Lesen, für Videos, Notizen und "
            "Hausaufgaben genutzt. Eines stach heraus, zwei taugen für bestimmte Aufgaben, und "
            "eines können wir zu keinem Preis empfehlen."
        ),
        "subheading": "Der Rest des Feldes",
        "paragraphs": [
            (
                "Vier Geräte traten an: das Tessaly Tab S, das Lumora Pad 11, das Vesta Slate und "
                "das Orrin Tab Go. Das günstigste kostet 189 Dollar, das teuerste 289 Dollar. "
                "Jedes diente einem anderen Mitglied der Redaktion eine Woche lang als "
                "Haupt-Tablet, dann wurde getauscht, und im Labor liefen auf allen vier dieselben "
                "Akku- und Displaytests."
            ),
            (
                "Klarer Sieger ist das Lumora Pad 11. Sein 11-Zoll-Display ist hell genug für den "
                "Platz am Fenster, die Lautsprecher klingen überraschend voll, und im Videotest "
                "hielt es gut 13 Stunden durch. Mit 249 Dollar ist es nicht das billigste, aber "
                "das einzige, das sich beim Wechsel zwischen mehreren Apps flott anfühlte."
            ),
            (
                "Zum Lesen eignet sich das Tessaly Tab S mit seinem scharfen 8-Zoll-Display und "
                "dem geringen Gewicht am besten, das Vesta Slate für 189 Dollar taugt als "
                "einfacher Videobildschirm für Kinder. Enttäuscht hat das Orrin Tab Go: Es "
                "ruckelte schon in einfachen Apps und soll laut Handheld Herald nur noch ein "
                "einziges großes Software-Update bekommen."
            ),
            (
                "Alle vier laden langsam, keines unterstützt mehr als 18 Watt. Stifteingabe gibt "
                "es nur beim Lumora, und der Stift kostet extra. Wer 249 Dollar ausgeben kann, "
                "greift zum Lumora Pad 11. Wer weniger ausgeben will, sollte sich vorher "
                "überlegen, wofür das Tablet vor allem dienen soll, und erst dann unter den "
                "günstigeren Modellen wählen."
            ),
        ],
        "images": [
            {
                "alt": (
                    "Vier Tablets unterschiedlicher Größe liegen nebeneinander auf einem Holztisch "
                    "und zeigen dasselbe Foto"
                ),
                "caption": "Unsere vier günstigen Kandidaten.",
            },
            {
                "alt": (
                    "Ein Kind schaut einen Zeichentrickfilm auf einem Tablet, das an der "
                    "Küchenarbeitsplatte lehnt"
                ),
                "caption": "Das Vesta Slate taugt als einfacher Videobildschirm.",
            },
        ],
        "minutes_later": 300,
    },
    {
        "original": "tessaly-nova-9-review",
        "slug": "tessaly-nova-9-test",
        "title": "Tessaly Nova 9 im Test: Flaggschiff-Kamera in einem erstaunlich leichten Handy",
        "lead": (
            "Tessalys neues Flaggschiff wiegt nur 172 Gramm und bringt trotzdem einen großen "
            "Hauptsensor und ein 5-fach-Teleobjektiv mit. Für 899 Dollar ist es ein starker "
            "Allrounder, nur beim Akku muss man Abstriche machen."
        ),
        "subheading": "Der Kompromiss heißt Akkulaufzeit",
        "paragraphs": [
            (
                "Das Nova 9 hat ein 6,3-Zoll-OLED-Display mit 120 Hz und einen Rahmen aus "
                "recyceltem Aluminium. Mit 172 Gramm gehört es zu den leichtesten Flaggschiffen, "
                "die wir in diesem Jahr in der Hand hatten, und lässt sich deutlich länger bequem "
                "halten als die meisten Konkurrenten. Das Display wird sehr hell und blieb selbst "
                "in der Mittagssonne ablesbar."
            ),
            (
                "Die Kamera ist das stärkste Argument. Fotos des 50-Megapixel-Hauptsensors sind "
                "detailreich und natürlich, ohne den überschärften Look, den manche Marken mögen. "
                "Das 5-fach-Tele ist bei Konzerten und in der Straßenfotografie wirklich nützlich, "
                "und der Nachtmodus liefert saubere Bilder, ohne dunkle Szenen zum Tag zu machen. "
                "Die Videostabilisierung ist gut, aber nicht die beste, die wir getestet haben."
            ),
            (
                "Ein leichtes Handy heißt kleiner Akku, und die 4300 mAh des Nova 9 stoßen an "
                "vollen Tagen an ihre Grenzen. In unserem Standardtest, der Surfen und "
                "Videowiedergabe bei fester Helligkeit abwechselt, hielt es 11 Stunden und "
                "40 Minuten durch – etwa zwei Stunden weniger als die besten Geräte seiner Klasse. "
                "Wer viel damit macht, braucht am frühen Abend eine Steckdose."
            ),
            (
                "Tessaly verspricht fünf Jahre Betriebssystem-Updates. Das ist ordentlich, aber "
                "weniger als die sieben Jahre, die manche Konkurrenten laut Handheld Herald "
                "inzwischen bieten. Mit 45 Watt lädt das Nova recht flott, voll ist es nach etwa "
                "einer Stunde. Wer ein leichtes Gerät mit hervorragender Kamera höher schätzt als "
                "maximale Ausdauer, findet im Nova 9 eine der besten Optionen."
            ),
        ],
        "images": [
            {
                "alt": (
                    "Ein schlankes silbernes Smartphone liegt mit dem Display nach unten und zeigt "
                    "eine Kameraleiste mit drei Objektiven"
                ),
                "caption": "Das Nova 9 wiegt nur 172 Gramm.",
            },
            {
                "alt": (
                    "Eine nächtliche Straßenszene mit warmem Licht aus Schaufenstern und klaren "
                    "Schatten, mit einem Smartphone fotografiert"
                ),
                "caption": "Im Nachtmodus bleiben dunkle Szenen natürlich.",
            },
        ],
        "minutes_later": 20,
    },
    {
        "original": "right-to-repair-rules-take-effect",
        "slug": "recht-auf-reparatur-ersatzteile-sieben-jahre",
        "title": (
            "Recht auf Reparatur: Ersatzteile für Handys und Notebooks jetzt sieben Jahre lang"
        ),
        "lead": (
            "Wer Smartphones, Tablets und Notebooks verkauft, muss nach Regeln, die diese Woche in "
            "Kraft getreten sind, noch mindestens sieben Jahre nach dem Verkaufsende eines Modells "
            "Ersatzteile vorhalten und Reparaturanleitungen veröffentlichen."
        ),
        "subheading": "Streitpunkt Ersatzteilpreise",
        "paragraphs": [
            (
                "Die Verordnung umfasst Akkus, Displays, Ladebuchsen, Tastaturen und Kameras und "
                "gilt für alle Geräte, die ab diesem Monat auf den Markt kommen. Die Hersteller "
                "müssen unabhängige Werkstätten binnen zehn Werktagen beliefern und dürfen keine "
                "Softwaresperren einsetzen, die ein Originalteil nur deshalb lahmlegen, weil es "
                "jemand anderes eingebaut hat."
            ),
            (
                "Besonderes Augenmerk gilt den Akkus. Ein Smartphone-Akku muss nach 800 vollen "
                "Ladezyklen noch mindestens 80 Prozent seiner ursprünglichen Kapazität haben, "
                "sonst muss der Hersteller ihn mit gängigem Werkzeug austauschbar machen. Mehrere "
                "Firmen haben ihre Gehäuse schon umgestaltet und setzen auf Zuglaschen und "
                "Schrauben statt auf starken Klebstoff, über den Reparaturprofis seit Jahren "
                "klagen."
            ),
            (
                "Ersatzteile müssen zu einem „angemessenen“ Preis verkauft werden, doch was das "
                "heißt, lassen die Regeln offen. Verbraucherschützer fürchten, dass manche Marken "
                "für ein Display so viel verlangen, dass Käufer gleich ein neues Gerät nehmen. In "
                "einer frühen Preisliste kostete ein Ersatzdisplay laut Handheld Herald 60 Prozent "
                "eines neuen Smartphones."
            ),
            (
                "Branchenverbände warnen, die siebenjährige Vorratspflicht treibe die Lagerkosten "
                "und könne die Ladenpreise leicht steigen lassen. Reparaturbetriebe rechnen "
                "dagegen mit mehr Aufträgen und besserem Zugang zu Diagnosewerkzeugen. Die "
                "Behörden wollen die Preisfrage innerhalb von zwei Jahren überprüfen und eine "
                "öffentliche Liste der Unternehmen führen, die sich nicht an die Regeln halten."
            ),
        ],
        "images": [
            {
                "alt": (
                    "Ein geöffnetes Smartphone auf einer Reparaturmatte, daneben Akku, Display und "
                    "Schrauben"
                ),
                "caption": "Akkus und Displays werden am häufigsten getauscht.",
            },
        ],
        "minutes_later": 90,
    },
    {
        # Left as a draft on purpose: a translation that went wrong the way the issue that
        # asked for the number check describes. "10,000 GPUs" came out as "10 GPUs", and
        # the lead's year and amount swapped places. The admin's check shows both.
        "original": "helion-compute-switches-on-10000-gpu-cluster",
        "slug": "helion-compute-trainingscluster-gpus",
        "draft": True,
        "title": "Helion Compute nimmt Trainingscluster mit 10.000 GPUs in Betrieb",
        "lead": (
            "Der KI-Infrastrukturanbieter, im Jahr 1 mit einer Investition von 2019 Milliarden "
            "US-Dollar mehrerer Pensionsfonds gegründet, will seinen neuen Cluster stundenweise an "
            "Forschungslabors und Start-ups vermieten."
        ),
        "subheading": "Erst der Strom, dann die Chips",
        "paragraphs": [
            (
                "Der Cluster steht in einem umgebauten Lagerhaus neben einem Wasserkraftwerk, "
                "verbindet 10 GPUs über ein schnelles optisches Netz und zieht unter Volllast bis "
                "zu 18 Megawatt. Nach Angaben von Helion sind rund 70 Prozent der Kapazität für "
                "das kommende Jahr schon gebucht, vor allem von Hochschulgruppen und von Firmen, "
                "die Modelle für Medizin und Materialforschung trainieren."
            ),
            (
                "Gegründet wurde Helion 2019, als ein Konsortium aus Pensionsfonds 1 Milliarde "
                "US-Dollar in ein Vorhaben steckte, das damals nur auf dem Papier existierte. In "
                "den ersten Jahren kaufte das Unternehmen Grundstücke und langfristige "
                "Stromverträge statt Chips – eine Wette, die heute klug aussieht: Nicht Hardware, "
                "sondern Strom ist für jeden, der ein großes Rechenzentrum baut, das knappste Gut."
            ),
            (
                "Kunden können Blöcke aus 64 GPUs schon für einen Tag mieten. Die Preise beginnen "
                "bei 2,10 US-Dollar pro GPU-Stunde, berichtet Circuit Ledger, dem die Preisliste "
                "vorliegt – spürbar weniger, als die großen Cloud-Anbieter für vergleichbare "
                "Hardware auf Abruf verlangen."
            ),
            (
                "Bis 2027 plant Helion einen zweiten Standort ähnlicher Größe; beide sollen mit "
                "erneuerbarer Energie laufen. Kritiker geben zu bedenken, dass in trockenen "
                "Sommern auch die umliegenden Gemeinden auf das Kraftwerk angewiesen sind. "
                "Lokalpolitiker verlangen eine Garantie, dass Haushalte bei niedrigem Wasserstand "
                "Vorrang haben."
            ),
        ],
        "images": [
            {
                "alt": (
                    "Lange Reihen von Serverschränken mit grünen Statusleuchten in einem "
                    "umgebauten Lagerhaus aus Backstein"
                ),
                "caption": "Helions Cluster füllt ein ehemaliges Lagerhaus.",
            },
            {
                "alt": "Eine Staumauer aus Beton, über deren Überlauf Wasser schießt",
                "caption": "Seinen Strom bezieht der Cluster vom Kraftwerk nebenan.",
            },
        ],
        "minutes_later": 600,
    },
]

# Readers of the German edition.
COMMENTS = [
    "Endlich mal ein Artikel, der nicht nur die Pressemitteilung nacherzählt. Danke dafür.",
    "Klingt gut, aber ich warte lieber auf unabhängige Tests. Auf dem Papier ist alles super.",
    (
        "Weiß jemand, ob das auch in Deutschland und Österreich kommt, oder bleibt es wieder "
        "bei den USA?"
    ),
    "Der Preis wird am Ende entscheiden. Technisch spannend, aber wer soll das bezahlen?",
    "Schöner Überblick. Die Einordnung im dritten Absatz hat mir am meisten gebracht.",
    (
        "Ich arbeite in der Branche, und die Zahlen im Artikel decken sich ziemlich genau mit "
        "dem, was wir intern sehen."
    ),
    "Jedes Jahr der große Durchbruch. Und jedes Jahr warte ich weiter.",
    "Mich würde interessieren, wie das nach einem halben Jahr im Alltag aussieht. Nachtest bitte!",
    "Gut, dass auch die Nachteile erwähnt werden. Das liest man viel zu selten.",
    "Und was wird aus den älteren Modellen? Darüber spricht wieder niemand.",
    "Der Datenschutz kommt mir hier etwas zu kurz, sonst aber ein solider Artikel.",
    "Also kurz gesagt: auf die zweite Generation warten?",
    "Habe ich direkt an die Kollegen weitergeleitet. Genau die Diskussion hatten wir gestern.",
    "Vorsichtig optimistisch. Die Idee ist gut, aber es kommt auf die Umsetzung an.",
    "Wie schlägt sich das im Vergleich zu dem, was die Konkurrenz letzten Monat gezeigt hat?",
    "Die Regulierung hinkt wie immer Jahre hinterher. Immerhin tut sich überhaupt etwas.",
    "Toll recherchiert und angenehm unaufgeregt geschrieben.",
    "Mein Geldbeutel weint schon, bevor ich den Artikel zu Ende gelesen habe.",
]

REPLIES = [
    "Steht weiter unten im Artikel, aber guter Punkt.",
    "Geht mir genauso, du bist nicht allein.",
    "Sehe ich auch so. Unabhängige Tests sagen mehr als jede Präsentation.",
    "Da bin ich anderer Meinung: Für den Preis finde ich das völlig in Ordnung.",
    "Gute Frage, das habe ich mich auch schon gefragt.",
    "Das deckt sich mit dem, was ich aus der Branche höre.",
    "Made my day. 😄",
    "Danke für den Hinweis, das wusste ich nicht.",
    "Etwas zu pessimistisch, finde ich. In den letzten Jahren hat sich viel getan.",
    "Genau das. Marketingzahlen und Alltag sind zwei Paar Schuhe.",
    "Hängt stark davon ab, wo man wohnt. Die Preise unterscheiden sich regional enorm.",
    "Interessanter Gedanke, so hatte ich das noch nicht gesehen.",
    "Das wäre ein gutes Thema für einen eigenen Artikel.",
    "Geduld lohnt sich, gerade bei der ersten Hardware-Generation.",
]

# The article's author answering in the thread (shown with an "Author" badge).
AUTHOR_REPLIES = [
    "Danke fürs Lesen! Wir bleiben an dem Thema dran und ergänzen den Artikel.",
    "Gute Frage – wir haben beim Hersteller nachgehakt und tragen die Antwort hier nach.",
    "Berechtigter Einwand. Im Artikel steht jetzt deutlicher, woher die Zahlen stammen.",
]

COMMENTER_NAMES = [
    "Jana K.",
    "Matthias B.",
    "Selin Ö.",
    "Florian W.",
    "Katrin H.",
    "Dominik S.",
    "Leonie F.",
    "Tobias R.",
    "Aylin D.",
    "Jörg P.",
    "bitschubser",
    "kaffee_und_kernel",
    "Nachteule79",
    "Ute L.",
    "Sven M.",
]


# Kommentare zu den Passagen, die für Rückmeldungen geöffnet sind ("feedback" oben).
PASSAGE_COMMENTS = {
    "quillspeedde": [
        "20 Wörter pro Sekunde auf welchem Notebook? Das sollte im Artikel stehen.",
        "Auf meinem vier Jahre alten Laptop ist es etwa die Hälfte – für E-Mails reicht das.",
    ],
    "quillfactsde": [
        "Erfundene Quellenangaben sind das eigentliche Problem, gerade beim Entwerfen von Texten.",
    ],
}
