//! The vendor table: third-party tracking, analytics and advertising services
//! that a shop's privacy policy may say the site uses, each with its category
//! and the ways policies write its name.
//!
//! How it was built: `scripts/mine-vendors.py` was run over the 2,000 real
//! shop policy pages of `shared/corpus/bulk`; it lists the capitalised names
//! and domains found in sentences about analytics, pixels, advertising,
//! cookies, e-mail marketing, reviews and the like, with page counts. The
//! candidates were curated by hand (payment processors, shipping carriers,
//! hosting and CDN, shop platforms, CAPTCHA and consent-management platforms
//! left out), the spellings seen became aliases, and well-known vendors of the
//! same categories were added from general knowledge. Only names are taken
//! from the pages, never their text, and no tracker database was used.
//! Names follow `LABELS.md` where it names a service, else the vendor's own
//! usual name (the older one where the pool only knows that, as for
//! `Infusionsoft` and `AppNexus`).
//!
//! To change it: edit `VENDORS`, then run `python3 scripts/mine-vendors.py`
//! to see in how many pages of the pool each vendor is found, and which
//! candidates are still uncovered (the tests below check the table is
//! well-formed).

/// What a vendor does, as the report groups services.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Category {
    Analytics,
    Advertising,
    Social,
    EmailMarketing,
    SmsMarketing,
    Reviews,
    SessionReplay,
    TagManager,
    Testing,
    Affiliate,
    CustomerData,
    Chat,
}

impl Category {
    /// The category in plain words, for people.
    pub(crate) fn describe(self) -> &'static str {
        match self {
            Category::Analytics => "analytics",
            Category::Advertising => "advertising",
            Category::Social => "social network",
            Category::EmailMarketing => "e-mail marketing",
            Category::SmsMarketing => "SMS marketing",
            Category::Reviews => "reviews",
            Category::SessionReplay => "session replay",
            Category::TagManager => "tag manager",
            Category::Testing => "testing and personalisation",
            Category::Affiliate => "affiliate network",
            Category::CustomerData => "customer data",
            Category::Chat => "chat and support",
        }
    }

    /// The category as the report writes it (tests only, for now: the report
    /// carries the category in each service's reading) (`analytics`, `advertising`,
    /// `social`, `email_marketing`, ...).
    #[cfg(test)]
    pub(crate) fn name(self) -> &'static str {
        match self {
            Category::Analytics => "analytics",
            Category::Advertising => "advertising",
            Category::Social => "social",
            Category::EmailMarketing => "email_marketing",
            Category::SmsMarketing => "sms_marketing",
            Category::Reviews => "reviews",
            Category::SessionReplay => "session_replay",
            Category::TagManager => "tag_manager",
            Category::Testing => "testing",
            Category::Affiliate => "affiliate",
            Category::CustomerData => "customer_data",
            Category::Chat => "chat",
        }
    }
}

/// One vendor: its report name, its category, and the ways policies write it.
pub(crate) struct Vendor {
    /// The name the report gives (LABELS.md's spelling where it names one).
    pub name: &'static str,
    pub category: Category,
    /// How policies write it, in lower case, matched as whole words on the
    /// lowercased text (ASCII, plain literal phrases: letters, digits, space
    /// and `.`, `-`, `'`, `&`).
    pub aliases: &'static [&'static str],
    /// The aliases that are also ordinary English words or common names
    /// ("heap", "segment", "drift", "attentive"): one counts only when written
    /// capitalised in the original text and with a tracking word nearby. A
    /// subset of `aliases`; all other aliases count anywhere.
    pub ambiguous: &'static [&'static str],
}

/// Shorthand for the table's rows.
const fn v(
    name: &'static str,
    category: Category,
    aliases: &'static [&'static str],
    ambiguous: &'static [&'static str],
) -> Vendor {
    Vendor {
        name,
        category,
        aliases,
        ambiguous,
    }
}

use Category::{
    Advertising, Affiliate, Analytics, Chat, CustomerData, EmailMarketing, Reviews, SessionReplay,
    SmsMarketing, Social, TagManager, Testing,
};

/// Every vendor, grouped by category.
pub(crate) static VENDORS: &[Vendor] = &[
    // ---- Analytics: web and app measurement, attribution, feedback surveys.
    v(
        "Google Analytics",
        Analytics,
        &[
            "google analytics",
            // Common misspellings and run-together forms.
            "google analytic",
            "googleanalytics",
            "google-analytics.com",
            "universal analytics",
            "google universal analytics",
            "ga4",
            // A Google Analytics feature (cross-device reports).
            "google signals",
            "analytics.js",
            "ga.js",
        ],
        &[],
    ),
    v(
        "Firebase Analytics",
        Analytics,
        &["firebase analytics", "google analytics for firebase"],
        &[],
    ),
    // Shopify's own analytics and stats cookies (not Shopify the platform).
    v(
        "Shopify Analytics",
        Analytics,
        &[
            "shopify analytics",
            "shopify reports",
            "shopify statistics",
            "shopify stats",
            "shopify's analytics",
            "shopify's reports",
            "shopify's statistics",
        ],
        &[],
    ),
    // The same thing for Squarespace shops.
    v(
        "Squarespace Analytics",
        Analytics,
        &["squarespace analytics", "squarespace's analytics"],
        &[],
    ),
    v(
        "Adobe Analytics",
        Analytics,
        &[
            "adobe analytics",
            "omniture",
            "sitecatalyst",
            "site catalyst",
            "adobe sitecatalyst",
        ],
        &[],
    ),
    v(
        "Adobe Marketing Cloud Device Co-op",
        Analytics,
        &[
            "adobe marketing cloud device co-op",
            "adobe experience cloud device co-op",
            "adobe device co-op",
            "device co-op",
        ],
        &[],
    ),
    v("Localytics", Analytics, &["localytics"], &[]),
    v("Mixpanel", Analytics, &["mixpanel"], &[]),
    v(
        "Amplitude",
        Analytics,
        &["amplitude", "amplitude analytics", "amplitude.com"],
        &["amplitude"],
    ),
    v(
        "Heap",
        Analytics,
        &["heap", "heap analytics", "heapanalytics.com", "heap.io"],
        &["heap"],
    ),
    v(
        "Kissmetrics",
        Analytics,
        &["kissmetrics", "kiss metrics"],
        &[],
    ),
    v("Chartbeat", Analytics, &["chartbeat"], &[]),
    v("Parse.ly", Analytics, &["parse.ly", "parsely"], &[]),
    v("Woopra", Analytics, &["woopra"], &[]),
    // "clicky" is also what keyboard shops call their switches.
    v(
        "Clicky",
        Analytics,
        &["clicky", "getclicky", "clicky.com"],
        &["clicky"],
    ),
    v(
        "StatCounter",
        Analytics,
        &["statcounter", "stat counter"],
        &[],
    ),
    // Piwik is Matomo's former name.
    v("Matomo", Analytics, &["matomo", "piwik"], &[]),
    v("Piwik PRO", Analytics, &["piwik pro"], &[]),
    v(
        "Plausible Analytics",
        Analytics,
        &["plausible analytics", "plausible.io"],
        &[],
    ),
    v(
        "Fathom Analytics",
        Analytics,
        &["fathom analytics", "usefathom"],
        &[],
    ),
    v("Pendo", Analytics, &["pendo", "pendo.io"], &[]),
    v("GoSquared", Analytics, &["gosquared"], &[]),
    v("Countly", Analytics, &["countly"], &[]),
    v(
        "Snowplow",
        Analytics,
        &["snowplow", "snowplow analytics"],
        &["snowplow"],
    ),
    v(
        "comScore",
        Analytics,
        &["comscore", "scorecard research", "scorecardresearch"],
        &[],
    ),
    v(
        "Nielsen",
        Analytics,
        &[
            "nielsen",
            "nielsen netratings",
            "netratings",
            "nielsen digital content ratings",
            "nielsen online",
        ],
        &["nielsen"],
    ),
    v(
        "Flurry",
        Analytics,
        &["flurry", "flurry analytics", "yahoo flurry"],
        &["flurry"],
    ),
    // Mobile attribution and deep-link measurement.
    v("AppsFlyer", Analytics, &["appsflyer", "apps flyer"], &[]),
    v("Adjust", Analytics, &["adjust.com", "adjust gmbh"], &[]),
    v("Branch", Analytics, &["branch.io", "branch metrics"], &[]),
    v("Kochava", Analytics, &["kochava"], &[]),
    v("Singular", Analytics, &["singular.net"], &[]),
    v(
        "Yandex Metrica",
        Analytics,
        &[
            "yandex metrica",
            "yandex.metrica",
            "yandex metrika",
            "yandex.metrika",
        ],
        &[],
    ),
    v(
        "Baidu Tongji",
        Analytics,
        &["baidu tongji", "baidu analytics"],
        &[],
    ),
    // Bare "Alexa" is mostly Amazon's voice assistant.
    v(
        "Alexa",
        Analytics,
        &[
            "alexa",
            "alexa internet",
            "alexa certify",
            "alexa analytics",
        ],
        &["alexa"],
    ),
    v(
        "SimilarWeb",
        Analytics,
        &["similarweb", "similar web"],
        &["similar web"],
    ),
    v("Hitwise", Analytics, &["hitwise", "experian hitwise"], &[]),
    v(
        "Webtrends",
        Analytics,
        &["webtrends", "web trends"],
        &["web trends"],
    ),
    v(
        "Coremetrics",
        Analytics,
        &["coremetrics", "ibm coremetrics", "ibm digital analytics"],
        &[],
    ),
    v(
        "AT Internet",
        Analytics,
        &["at internet", "xiti", "piano analytics"],
        &["at internet"],
    ),
    v(
        "Webtrekk",
        Analytics,
        &["webtrekk", "mapp intelligence"],
        &[],
    ),
    v("etracker", Analytics, &["etracker"], &[]),
    v("econda", Analytics, &["econda"], &[]),
    v("Histats", Analytics, &["histats"], &[]),
    v("Site Meter", Analytics, &["sitemeter", "site meter"], &[]),
    // WordPress.com's visitor statistics for self-hosted WordPress shops.
    v(
        "Jetpack",
        Analytics,
        &["jetpack", "jetpack stats", "wordpress.com stats"],
        &[],
    ),
    // Performance monitoring whose browser agent records page views and sessions.
    v(
        "New Relic",
        Analytics,
        &["new relic", "newrelic", "nr-data.net"],
        &[],
    ),
    v("Dynatrace", Analytics, &["dynatrace"], &[]),
    // Shopify attribution and analytics apps.
    v(
        "Triple Whale",
        Analytics,
        &["triple whale", "triplewhale"],
        &[],
    ),
    v("Littledata", Analytics, &["littledata"], &[]),
    v("Northbeam", Analytics, &["northbeam"], &[]),
    // Feedback and survey tools that run on the site (LABELS.md lists Qualtrics).
    v(
        "Qualtrics",
        Analytics,
        &["qualtrics", "qualtrics site intercept"],
        &[],
    ),
    v("Medallia", Analytics, &["medallia"], &[]),
    // "foresee" is an ordinary verb ("we cannot foresee").
    v(
        "ForeSee",
        Analytics,
        &["foresee", "foresee results", "foreseeresults"],
        &["foresee"],
    ),
    v("Usabilla", Analytics, &["usabilla"], &[]),
    v("Qualaroo", Analytics, &["qualaroo"], &[]),
    v("OpinionLab", Analytics, &["opinionlab", "opinion lab"], &[]),
    // A survey tool rather than a tracker, listed beside Qualtrics for consistency.
    v(
        "SurveyMonkey",
        Analytics,
        &["surveymonkey", "survey monkey"],
        &[],
    ),
    // Call tracking: numbers swapped on the page to tie calls to visits and ads.
    v("CallRail", Analytics, &["callrail", "call rail"], &[]),
    v("Invoca", Analytics, &["invoca"], &[]),
    v(
        "CallTrackingMetrics",
        Analytics,
        &["calltrackingmetrics"],
        &[],
    ),
    v("Marchex", Analytics, &["marchex"], &[]),
    // ---- Advertising: search, display, retargeting, native, video, mobile,
    // comparison-shopping and ad-verification networks.
    v(
        "Google Ads",
        Advertising,
        &[
            "google ads",
            "google adwords",
            "adwords",
            "google adsense",
            "adsense",
            "doubleclick",
            "double click",
            "google doubleclick",
            // The DoubleClick cookie of the AdSense boilerplate.
            "dart cookie",
            "dart cookies",
            "dart",
            "google display network",
            "google remarketing",
            "google dynamic remarketing",
            "google ad manager",
            "google marketing platform",
            "google customer match",
            "google shopping ads",
            "google shopping",
            "google advertising",
            "google ad network",
            "google content network",
            "google ad services",
            "google adservices",
            "googleadservices.com",
            "googlesyndication.com",
            "google conversion tracking",
            "google campaign manager",
            "campaign manager 360",
            "display & video 360",
            "display and video 360",
            "dv360",
            "search ads 360",
            "floodlight",
            "google ad exchange",
            "google admob",
            "admob",
        ],
        &["double click", "dart", "floodlight"],
    ),
    v(
        "Bing Ads",
        Advertising,
        &[
            "bing ads",
            "bingads",
            "bing advertising",
            "bing uet",
            "bing universal event tracking",
            "universal event tracking",
            "uet tag",
            "microsoft uet",
            "microsoft advertising",
            "microsoft ads",
            "microsoft audience network",
            "bat.bing.com",
            "uet",
            // Named beside Google as an ad network ("the Google & Bing networks").
            "bing",
        ],
        &["bing"],
    ),
    v(
        "Amazon Advertising",
        Advertising,
        &[
            "amazon advertising",
            "amazon ads",
            "amazon dsp",
            "amazon marketing services",
            "amazon sponsored products",
            "amazon-adsystem.com",
            "amazon ad system",
        ],
        &[],
    ),
    v("Criteo", Advertising, &["criteo"], &[]),
    v(
        "AdRoll",
        Advertising,
        &["adroll", "ad roll", "nextroll"],
        &["ad roll"],
    ),
    v("Taboola", Advertising, &["taboola"], &[]),
    v("Outbrain", Advertising, &["outbrain"], &[]),
    v(
        "Quantcast",
        Advertising,
        &["quantcast", "quantserve", "quantcast measure"],
        &[],
    ),
    v(
        "The Trade Desk",
        Advertising,
        &["the trade desk", "thetradedesk", "adsrvr.org"],
        &["the trade desk"],
    ),
    v("MediaMath", Advertising, &["mediamath", "media math"], &[]),
    // Now Xandr (Microsoft); the pool knows it as AppNexus.
    v(
        "AppNexus",
        Advertising,
        &["appnexus", "xandr", "adnxs"],
        &[],
    ),
    // Now Magnite.
    v(
        "Rubicon Project",
        Advertising,
        &["rubicon project", "rubiconproject", "magnite"],
        &[],
    ),
    v("PubMatic", Advertising, &["pubmatic"], &[]),
    v("OpenX", Advertising, &["openx"], &[]),
    v(
        "Index Exchange",
        Advertising,
        &[
            "index exchange",
            "indexexchange",
            "casale media",
            "casalemedia",
        ],
        &[],
    ),
    v("Sovrn", Advertising, &["sovrn", "lijit"], &[]),
    v(
        "TripleLift",
        Advertising,
        &["triplelift", "triple lift"],
        &[],
    ),
    v("Sharethrough", Advertising, &["sharethrough"], &[]),
    v("GumGum", Advertising, &["gumgum"], &[]),
    v("Yieldmo", Advertising, &["yieldmo"], &[]),
    v("RhythmOne", Advertising, &["rhythmone", "rhythm one"], &[]),
    // "conversant" is an ordinary adjective; ValueClick was its former name.
    v(
        "Conversant",
        Advertising,
        &[
            "conversant",
            "conversant media",
            "valueclick",
            "mediaplex",
            "dotomi",
        ],
        &["conversant"],
    ),
    v("Media.net", Advertising, &["media.net"], &[]),
    v(
        "Sizmek",
        Advertising,
        &["sizmek", "mediamind", "eyeblaster"],
        &[],
    ),
    v("Flashtalking", Advertising, &["flashtalking"], &[]),
    v("Innovid", Advertising, &["innovid"], &[]),
    v(
        "Tremor Video",
        Advertising,
        &["tremor video", "tremor international", "tremorhub"],
        &[],
    ),
    v("SpotX", Advertising, &["spotx", "spotxchange"], &[]),
    v("Teads", Advertising, &["teads"], &[]),
    v("Smaato", Advertising, &["smaato"], &[]),
    v("InMobi", Advertising, &["inmobi"], &[]),
    v("AdColony", Advertising, &["adcolony"], &[]),
    v("Unity Ads", Advertising, &["unity ads"], &[]),
    v("ironSource", Advertising, &["ironsource"], &[]),
    v("AppLovin", Advertising, &["applovin"], &[]),
    v("Chartboost", Advertising, &["chartboost"], &[]),
    v("Vungle", Advertising, &["vungle"], &[]),
    v("MoPub", Advertising, &["mopub"], &[]),
    v("Millennial Media", Advertising, &["millennial media"], &[]),
    v("StackAdapt", Advertising, &["stackadapt"], &[]),
    v("Simpli.fi", Advertising, &["simpli.fi", "simplifi"], &[]),
    v("Choozle", Advertising, &["choozle"], &[]),
    // Now MNTN.
    v(
        "SteelHouse",
        Advertising,
        &["steelhouse", "steel house", "mntn"],
        &["steel house"],
    ),
    v(
        "Perfect Audience",
        Advertising,
        &["perfect audience"],
        &["perfect audience"],
    ),
    v("ReTargeter", Advertising, &["retargeter"], &["retargeter"]),
    v(
        "Rocket Fuel",
        Advertising,
        &["rocket fuel", "rocketfuel"],
        &["rocket fuel"],
    ),
    v("FetchBack", Advertising, &["fetchback"], &[]),
    v("Adform", Advertising, &["adform"], &[]),
    v(
        "Smart AdServer",
        Advertising,
        &["smart adserver", "smartadserver", "equativ"],
        &[],
    ),
    v("Amobee", Advertising, &["amobee"], &[]),
    v("Undertone", Advertising, &["undertone"], &["undertone"]),
    // Bare "Kargo" is also a truck-accessory brand.
    v("Kargo", Advertising, &["kargo global", "kargo.com"], &[]),
    v("Nativo", Advertising, &["nativo"], &[]),
    v("MGID", Advertising, &["mgid"], &[]),
    v("MediaGrid", Advertising, &["mediagrid"], &[]),
    v("Tapjoy", Advertising, &["tapjoy"], &[]),
    v("Revcontent", Advertising, &["revcontent"], &[]),
    v("ZergNet", Advertising, &["zergnet"], &[]),
    v("Adblade", Advertising, &["adblade"], &[]),
    v("Chitika", Advertising, &["chitika"], &[]),
    v("Kontera", Advertising, &["kontera"], &[]),
    v("Infolinks", Advertising, &["infolinks"], &[]),
    v("Mediavine", Advertising, &["mediavine", "media vine"], &[]),
    // CMI Marketing does business as CafeMedia (AdThrive, now Raptive).
    v(
        "CafeMedia",
        Advertising,
        &[
            "cafemedia",
            "cafe media",
            "cmi marketing",
            "adthrive",
            "raptive",
        ],
        &[],
    ),
    v("Ezoic", Advertising, &["ezoic"], &[]),
    v("Freestar", Advertising, &["freestar"], &[]),
    v("Monumetric", Advertising, &["monumetric"], &[]),
    v(
        "PropellerAds",
        Advertising,
        &["propellerads", "propeller ads"],
        &[],
    ),
    v("BuySellAds", Advertising, &["buysellads"], &[]),
    v(
        "Yahoo",
        Advertising,
        &[
            "yahoo advertising",
            "yahoo ads",
            "yahoo gemini",
            "yahoo dot",
            "yahoo dsp",
            "yahoo ad tech",
            "yahoo native",
            "yahoo analytics",
            "verizon media",
        ],
        &[],
    ),
    v(
        "AOL Advertising",
        Advertising,
        &["aol advertising", "advertising.com", "aol platforms"],
        &[],
    ),
    v(
        "Adobe Advertising Cloud",
        Advertising,
        &[
            "adobe advertising cloud",
            "adobe advertising",
            "adobe media optimizer",
            "tubemogul",
        ],
        &[],
    ),
    v(
        "Yandex Direct",
        Advertising,
        &["yandex direct", "yandex.direct"],
        &[],
    ),
    v("Kenshoo", Advertising, &["kenshoo", "skai"], &[]),
    v("Marin Software", Advertising, &["marin software"], &[]),
    v("Sojern", Advertising, &["sojern"], &[]),
    v("Dstillery", Advertising, &["dstillery"], &[]),
    v("DataXu", Advertising, &["dataxu"], &[]),
    v("Vibrant Media", Advertising, &["vibrant media"], &[]),
    v(
        "Tribal Fusion",
        Advertising,
        &["tribal fusion", "exponential interactive"],
        &[],
    ),
    v("Viant", Advertising, &["viant", "viant technology"], &[]),
    v("RTB House", Advertising, &["rtb house"], &[]),
    v("BidSwitch", Advertising, &["bidswitch"], &[]),
    v("Improve Digital", Advertising, &["improve digital"], &[]),
    v("LiveIntent", Advertising, &["liveintent"], &[]),
    v("Walmart Connect", Advertising, &["walmart connect"], &[]),
    // Shopify's shared-audience ad programme.
    v(
        "Shopify Audiences",
        Advertising,
        &["shopify audiences"],
        &[],
    ),
    // Ad verification and viewability measurement, set as ad-served tags.
    v(
        "Moat",
        Advertising,
        &["moat", "moat analytics", "oracle moat"],
        &["moat"],
    ),
    v(
        "Integral Ad Science",
        Advertising,
        &["integral ad science", "integralads"],
        &[],
    ),
    v("DoubleVerify", Advertising, &["doubleverify"], &[]),
    // Comparison-shopping engines, which place conversion pixels on shops.
    v(
        "PriceGrabber",
        Advertising,
        &["pricegrabber", "price grabber"],
        &[],
    ),
    v("Shopzilla", Advertising, &["shopzilla"], &[]),
    v("Connexity", Advertising, &["connexity"], &[]),
    v("Nextag", Advertising, &["nextag"], &[]),
    v("Become", Advertising, &["become.com"], &[]),
    v("Shopping.com", Advertising, &["shopping.com"], &[]),
    v("PriceRunner", Advertising, &["pricerunner"], &[]),
    v("idealo", Advertising, &["idealo"], &[]),
    v("Kelkoo", Advertising, &["kelkoo"], &[]),
    // ---- Social networks and share widgets. The matcher decides from context
    // whether a bare name is tracking or only a link.
    v(
        "Facebook",
        Social,
        &[
            "facebook",
            "facebook pixel",
            "facebook ads",
            "facebook advertising",
            "facebook custom audiences",
            "facebook conversion api",
            "facebook conversions api",
            "facebook conversion tracking",
            "facebook analytics",
            "facebook insights",
            "facebook audience network",
            "facebook connect",
            "facebook sdk",
            "facebook remarketing",
            "custom audiences",
            "custom audience",
            "fb pixel",
            "meta pixel",
            "meta ads",
            "meta platforms",
            "meta audience network",
            // Also "meta tags", "meta data".
            "meta",
        ],
        // "create custom audience lists" is any ad platform's feature; the
        // capitalised product name is Facebook's.
        &["meta", "custom audiences", "custom audience"],
    ),
    v("Instagram", Social, &["instagram"], &[]),
    v(
        "Pinterest",
        Social,
        &[
            "pinterest",
            "pinterest tag",
            "pinterest pixel",
            "pinterest ads",
            "pinterest advertising",
        ],
        &[],
    ),
    v(
        "Twitter",
        Social,
        &[
            "twitter",
            "twitter pixel",
            "twitter ads",
            "twitter advertising",
            "twitter conversion tracking",
            "tailored audiences",
        ],
        &[],
    ),
    v(
        "TikTok",
        Social,
        &["tiktok", "tik tok", "tik-tok", "tiktok pixel", "tiktok ads"],
        &[],
    ),
    v(
        "Snapchat",
        Social,
        &[
            "snapchat",
            "snapchat pixel",
            "snap pixel",
            "snap inc",
            "snap ads",
        ],
        &[],
    ),
    v(
        "LinkedIn",
        Social,
        &[
            "linkedin",
            "linked in",
            "linkedin insight tag",
            "linkedin insight",
            "linkedin ads",
            "linkedin pixel",
        ],
        &["linked in"],
    ),
    v("YouTube", Social, &["youtube", "you tube"], &["you tube"]),
    v(
        "Reddit",
        Social,
        &["reddit", "reddit pixel", "reddit ads"],
        &[],
    ),
    v("Quora", Social, &["quora", "quora pixel"], &[]),
    v("Tumblr", Social, &["tumblr"], &[]),
    v("Nextdoor", Social, &["nextdoor"], &[]),
    // Share and comment widgets that collect browsing data for advertising.
    v("AddThis", Social, &["addthis"], &[]),
    v("ShareThis", Social, &["sharethis"], &[]),
    v("AddToAny", Social, &["addtoany"], &[]),
    v("Disqus", Social, &["disqus"], &[]),
    // ---- E-mail marketing, marketing automation and sign-up pop-ups.
    v("Klaviyo", EmailMarketing, &["klaviyo"], &[]),
    // The Rocket Science Group is Mailchimp's company.
    v(
        "Mailchimp",
        EmailMarketing,
        &["mailchimp", "mail chimp", "rocket science group"],
        &[],
    ),
    v(
        "Constant Contact",
        EmailMarketing,
        &["constant contact", "constantcontact", "safeunsubscribe"],
        &["constant contact"],
    ),
    v(
        "Campaign Monitor",
        EmailMarketing,
        &["campaign monitor", "createsend"],
        &[],
    ),
    v("AWeber", EmailMarketing, &["aweber"], &[]),
    v("GetResponse", EmailMarketing, &["getresponse"], &[]),
    v(
        "ActiveCampaign",
        EmailMarketing,
        &["activecampaign", "active campaign"],
        &["active campaign"],
    ),
    v(
        "Drip",
        EmailMarketing,
        &["drip", "drip.com", "getdrip"],
        &["drip"],
    ),
    v("ConvertKit", EmailMarketing, &["convertkit"], &[]),
    v("Omnisend", EmailMarketing, &["omnisend"], &[]),
    // Now Brevo.
    v("Sendinblue", EmailMarketing, &["sendinblue", "brevo"], &[]),
    v("MailerLite", EmailMarketing, &["mailerlite"], &[]),
    v("Moosend", EmailMarketing, &["moosend"], &[]),
    v("Mailjet", EmailMarketing, &["mailjet"], &[]),
    v("Emarsys", EmailMarketing, &["emarsys"], &[]),
    v(
        "Bronto",
        EmailMarketing,
        &["bronto", "bronto software"],
        &[],
    ),
    v("Listrak", EmailMarketing, &["listrak"], &[]),
    v(
        "Cordial",
        EmailMarketing,
        &["cordial", "cordial.io"],
        &["cordial"],
    ),
    v("Iterable", EmailMarketing, &["iterable"], &["iterable"]),
    v("Braze", EmailMarketing, &["braze", "appboy"], &["braze"]),
    v("Sailthru", EmailMarketing, &["sailthru"], &[]),
    v("Bluecore", EmailMarketing, &["bluecore"], &[]),
    v("Blueshift", EmailMarketing, &["blueshift"], &[]),
    v("Customer.io", EmailMarketing, &["customer.io"], &[]),
    v(
        "Oracle Responsys",
        EmailMarketing,
        &["responsys", "oracle responsys"],
        &[],
    ),
    v(
        "Oracle Eloqua",
        EmailMarketing,
        &["eloqua", "oracle eloqua"],
        &[],
    ),
    v("Marketo", EmailMarketing, &["marketo"], &[]),
    v("HubSpot", EmailMarketing, &["hubspot", "hub spot"], &[]),
    v("Pardot", EmailMarketing, &["pardot"], &[]),
    v(
        "Salesforce Marketing Cloud",
        EmailMarketing,
        &["salesforce marketing cloud", "exacttarget", "exact target"],
        &[],
    ),
    // Now Acoustic.
    v(
        "Silverpop",
        EmailMarketing,
        &[
            "silverpop",
            "ibm watson campaign automation",
            "ibm marketing cloud",
            "acoustic campaign",
        ],
        &[],
    ),
    v(
        "Cheetah Digital",
        EmailMarketing,
        &["cheetah digital", "cheetahmail", "cheetah mail"],
        &[],
    ),
    v(
        "Selligent",
        EmailMarketing,
        &["selligent", "strongview"],
        &[],
    ),
    v("Mapp", EmailMarketing, &["mapp digital", "mapp cloud"], &[]),
    v(
        "dotdigital",
        EmailMarketing,
        &["dotdigital", "dotmailer"],
        &[],
    ),
    v("Ometria", EmailMarketing, &["ometria"], &[]),
    v("Pure360", EmailMarketing, &["pure360"], &[]),
    v(
        "Movable Ink",
        EmailMarketing,
        &["movable ink", "movableink"],
        &[],
    ),
    v("Zaius", EmailMarketing, &["zaius"], &[]),
    v("Springbot", EmailMarketing, &["springbot"], &[]),
    v("Remarkety", EmailMarketing, &["remarkety"], &[]),
    v("Jilt", EmailMarketing, &["jilt"], &["jilt"]),
    v("SmartrMail", EmailMarketing, &["smartrmail"], &[]),
    v(
        "Retention Science",
        EmailMarketing,
        &["retention science"],
        &[],
    ),
    v("Sendlane", EmailMarketing, &["sendlane"], &[]),
    v("Seguno", EmailMarketing, &["seguno"], &[]),
    v("Flodesk", EmailMarketing, &["flodesk"], &[]),
    v("Shopify Email", EmailMarketing, &["shopify email"], &[]),
    v("Ontraport", EmailMarketing, &["ontraport"], &[]),
    // Now Keap; the pool knows it as Infusionsoft.
    v(
        "Infusionsoft",
        EmailMarketing,
        &["infusionsoft", "keap"],
        &[],
    ),
    v("SharpSpring", EmailMarketing, &["sharpspring"], &[]),
    v(
        "Act-On",
        EmailMarketing,
        &["act-on", "act-on software"],
        &["act-on"],
    ),
    v(
        "Emma",
        EmailMarketing,
        &["emma", "myemma", "emma email marketing"],
        &["emma"],
    ),
    v("Benchmark Email", EmailMarketing, &["benchmark email"], &[]),
    v("iContact", EmailMarketing, &["icontact"], &[]),
    v(
        "VerticalResponse",
        EmailMarketing,
        &["verticalresponse", "vertical response"],
        &[],
    ),
    v("Zoho Campaigns", EmailMarketing, &["zoho campaigns"], &[]),
    v("MailPoet", EmailMarketing, &["mailpoet"], &[]),
    v("Mad Mimi", EmailMarketing, &["mad mimi", "madmimi"], &[]),
    v("StreamSend", EmailMarketing, &["streamsend"], &[]),
    v("Lyris", EmailMarketing, &["lyris"], &[]),
    v("WhatCounts", EmailMarketing, &["whatcounts"], &[]),
    v("Delivra", EmailMarketing, &["delivra"], &[]),
    v("Robly", EmailMarketing, &["robly"], &[]),
    v("EmailOctopus", EmailMarketing, &["emailoctopus"], &[]),
    v("TinyLetter", EmailMarketing, &["tinyletter"], &[]),
    v("CleverReach", EmailMarketing, &["cleverreach"], &[]),
    v("Newsletter2Go", EmailMarketing, &["newsletter2go"], &[]),
    v("SALESmanago", EmailMarketing, &["salesmanago"], &[]),
    v(
        "Campaigner",
        EmailMarketing,
        &["campaigner"],
        &["campaigner"],
    ),
    v("Yesmail", EmailMarketing, &["yesmail"], &[]),
    // UK e-mail marketing and customer-data company; "red eye" is also a flight.
    v(
        "RedEye",
        EmailMarketing,
        &["redeye", "red eye international"],
        &["redeye"],
    ),
    // Restaurant and retail e-mail marketing.
    v("Fishbowl", EmailMarketing, &["fishbowl"], &["fishbowl"]),
    // Behavioural e-mail and pop-up vendors (Bounce Exchange is Wunderkind's former name).
    v(
        "Wunderkind",
        EmailMarketing,
        &["wunderkind", "bouncex", "bounce exchange"],
        &["wunderkind"],
    ),
    v("Privy", EmailMarketing, &["privy", "privy.com"], &["privy"]),
    v("Justuno", EmailMarketing, &["justuno"], &[]),
    v(
        "OptinMonster",
        EmailMarketing,
        &["optinmonster", "optin monster", "opt-in monster"],
        &[],
    ),
    v("Sumo", EmailMarketing, &["sumome", "sumo.com"], &[]),
    v("Wisepops", EmailMarketing, &["wisepops"], &[]),
    v("Sleeknote", EmailMarketing, &["sleeknote"], &[]),
    v("Picreel", EmailMarketing, &["picreel"], &[]),
    // ---- SMS and messaging marketing.
    v(
        "Attentive",
        SmsMarketing,
        &["attentive", "attentive mobile", "attn.tv", "attentive.com"],
        &["attentive"],
    ),
    // Stodge, LLC does business as Postscript.
    v(
        "Postscript",
        SmsMarketing,
        &["postscript", "postscript.io"],
        &["postscript"],
    ),
    v("SMSBump", SmsMarketing, &["smsbump", "sms bump"], &[]),
    v(
        "Emotive",
        SmsMarketing,
        &["emotive", "emotive.io"],
        &["emotive"],
    ),
    v("Recart", SmsMarketing, &["recart"], &[]),
    v("Tatango", SmsMarketing, &["tatango"], &[]),
    v(
        "EZ Texting",
        SmsMarketing,
        &["ez texting", "eztexting"],
        &[],
    ),
    v("SimpleTexting", SmsMarketing, &["simpletexting"], &[]),
    v("SlickText", SmsMarketing, &["slicktext"], &[]),
    v("Mobivity", SmsMarketing, &["mobivity"], &[]),
    v("Textedly", SmsMarketing, &["textedly"], &[]),
    v(
        "Voyage SMS",
        SmsMarketing,
        &["voyage sms", "voyagesms"],
        &[],
    ),
    v(
        "Mobile Commons",
        SmsMarketing,
        &["mobile commons", "upland mobile commons"],
        &[],
    ),
    v("Mobiniti", SmsMarketing, &["mobiniti"], &[]),
    v("Cartloop", SmsMarketing, &["cartloop"], &[]),
    v("LiveRecover", SmsMarketing, &["liverecover"], &[]),
    v("Trumpia", SmsMarketing, &["trumpia"], &[]),
    v("Club Texting", SmsMarketing, &["club texting"], &[]),
    v("Textmunication", SmsMarketing, &["textmunication"], &[]),
    v("Mozeo", SmsMarketing, &["mozeo"], &[]),
    v("Alpine IQ", SmsMarketing, &["alpine iq", "alpineiq"], &[]),
    v("ShopMessage", SmsMarketing, &["shopmessage"], &[]),
    // ---- Reviews and ratings widgets and post-purchase survey programmes.
    v("Yotpo", Reviews, &["yotpo"], &[]),
    v(
        "Bazaarvoice",
        Reviews,
        &["bazaarvoice", "bazaar voice"],
        &[],
    ),
    // Buzzillions was PowerReviews' consumer reviews site.
    v(
        "PowerReviews",
        Reviews,
        &["powerreviews", "power reviews", "buzzillions"],
        &[],
    ),
    v("Trustpilot", Reviews, &["trustpilot", "trust pilot"], &[]),
    v("Feefo", Reviews, &["feefo"], &[]),
    v("Reevoo", Reviews, &["reevoo"], &[]),
    v("eKomi", Reviews, &["ekomi"], &[]),
    v("Judge.me", Reviews, &["judge.me", "judgeme"], &[]),
    v("Stamped", Reviews, &["stamped", "stamped.io"], &["stamped"]),
    v("Okendo", Reviews, &["okendo"], &[]),
    v("Loox", Reviews, &["loox"], &[]),
    v("Junip", Reviews, &["junip"], &[]),
    v(
        "Reviews.io",
        Reviews,
        &["reviews.io", "reviewsio", "reviews.co.uk"],
        &[],
    ),
    v("TrustSpot", Reviews, &["trustspot"], &[]),
    v(
        "Shopper Approved",
        Reviews,
        &["shopper approved", "shopperapproved"],
        &[],
    ),
    v(
        "Google Customer Reviews",
        Reviews,
        &["google customer reviews", "google trusted stores"],
        &[],
    ),
    v(
        "Bizrate",
        Reviews,
        &["bizrate", "biz rate", "bizrate insights"],
        &[],
    ),
    v(
        "ResellerRatings",
        Reviews,
        &["resellerratings", "reseller ratings"],
        &[],
    ),
    v(
        "Trusted Shops",
        Reviews,
        &["trusted shops", "trustedshops", "trustbadge"],
        &[],
    ),
    v("TurnTo", Reviews, &["turnto", "turnto networks"], &[]),
    v("Influenster", Reviews, &["influenster"], &[]),
    v("Kiyoh", Reviews, &["kiyoh"], &[]),
    v("Fera", Reviews, &["fera.ai"], &[]),
    v("Ali Reviews", Reviews, &["ali reviews"], &[]),
    v("Rivyo", Reviews, &["rivyo"], &[]),
    v("Opinew", Reviews, &["opinew"], &[]),
    v("Growave", Reviews, &["growave"], &[]),
    v("Lipscore", Reviews, &["lipscore"], &[]),
    v("Kudobuzz", Reviews, &["kudobuzz"], &[]),
    v("Birdeye", Reviews, &["birdeye"], &[]),
    v("Podium", Reviews, &["podium"], &["podium"]),
    // ---- Session replay and heatmaps.
    v("Hotjar", SessionReplay, &["hotjar"], &[]),
    v(
        "FullStory",
        SessionReplay,
        &["fullstory", "full story"],
        &["full story"],
    ),
    v("Mouseflow", SessionReplay, &["mouseflow"], &[]),
    v(
        "Lucky Orange",
        SessionReplay,
        &["lucky orange", "luckyorange"],
        &[],
    ),
    v("Crazy Egg", SessionReplay, &["crazy egg", "crazyegg"], &[]),
    v("Inspectlet", SessionReplay, &["inspectlet"], &[]),
    v("SessionCam", SessionReplay, &["sessioncam"], &[]),
    v("Smartlook", SessionReplay, &["smartlook"], &[]),
    v("LogRocket", SessionReplay, &["logrocket"], &[]),
    v("Quantum Metric", SessionReplay, &["quantum metric"], &[]),
    v(
        "Contentsquare",
        SessionReplay,
        &["contentsquare", "content square"],
        &[],
    ),
    v("ClickTale", SessionReplay, &["clicktale"], &[]),
    v("Decibel", SessionReplay, &["decibel insight"], &[]),
    v("Glassbox", SessionReplay, &["glassbox"], &[]),
    v(
        "Microsoft Clarity",
        SessionReplay,
        &["microsoft clarity", "clarity.ms"],
        &[],
    ),
    v("TruConversion", SessionReplay, &["truconversion"], &[]),
    v("UserReplay", SessionReplay, &["userreplay"], &[]),
    v("SessionStack", SessionReplay, &["sessionstack"], &[]),
    v("Plerdy", SessionReplay, &["plerdy"], &[]),
    v("Ptengine", SessionReplay, &["ptengine"], &[]),
    v("UXCam", SessionReplay, &["uxcam"], &[]),
    v("Tealeaf", SessionReplay, &["tealeaf", "ibm tealeaf"], &[]),
    v("Noibu", SessionReplay, &["noibu"], &[]),
    // ---- Tag managers, which load the other vendors' tags.
    v(
        "Google Tag Manager",
        TagManager,
        &["google tag manager", "googletagmanager.com"],
        &[],
    ),
    v(
        "Tealium",
        TagManager,
        &["tealium", "tealium iq", "tealium audiencestream"],
        &[],
    ),
    v(
        "Adobe Launch",
        TagManager,
        &[
            "adobe launch",
            "adobe experience platform launch",
            "adobe dynamic tag management",
            "adobe dtm",
        ],
        &[],
    ),
    v("Ensighten", TagManager, &["ensighten"], &[]),
    v(
        "Commanders Act",
        TagManager,
        &["commanders act", "tagcommander", "tag commander"],
        &[],
    ),
    v(
        "BrightTag",
        TagManager,
        &["brighttag", "signal digital"],
        &[],
    ),
    v("Yahoo Tag Manager", TagManager, &["yahoo tag manager"], &[]),
    // Shopify server-side tagging tools.
    v("Elevar", TagManager, &["elevar"], &[]),
    v("Stape", TagManager, &["stape", "stape.io"], &[]),
    // ---- A/B testing, personalisation and recommendations.
    v("Optimizely", Testing, &["optimizely"], &[]),
    // Bare "Optimize" is left out: it is a verb at the start of sentences.
    v(
        "Google Optimize",
        Testing,
        &["google optimize", "optimize 360"],
        &[],
    ),
    v(
        "VWO",
        Testing,
        &["vwo", "visual website optimizer", "wingify"],
        &[],
    ),
    v("AB Tasty", Testing, &["ab tasty", "abtasty"], &[]),
    v(
        "Adobe Target",
        Testing,
        &["adobe target", "adobe test&target", "test&target"],
        &[],
    ),
    v("Monetate", Testing, &["monetate"], &[]),
    v("Dynamic Yield", Testing, &["dynamic yield"], &[]),
    v("Qubit", Testing, &["qubit"], &["qubit"]),
    v("Kameleoon", Testing, &["kameleoon"], &[]),
    v(
        "Convert Experiences",
        Testing,
        &["convert.com", "convert experiences"],
        &[],
    ),
    v(
        "Oracle Maxymiser",
        Testing,
        &["maxymiser", "oracle maxymiser"],
        &[],
    ),
    v("SiteSpect", Testing, &["sitespect"], &[]),
    v(
        "Evergage",
        Testing,
        &[
            "evergage",
            "interaction studio",
            "salesforce interaction studio",
        ],
        &[],
    ),
    v("Nosto", Testing, &["nosto"], &[]),
    v("Barilliance", Testing, &["barilliance"], &[]),
    v(
        "RichRelevance",
        Testing,
        &["richrelevance", "rich relevance"],
        &[],
    ),
    v(
        "Certona",
        Testing,
        &["certona", "kibo personalization"],
        &[],
    ),
    v("Reflektion", Testing, &["reflektion"], &[]),
    // Exponea was bought by Bloomreach.
    v("Bloomreach", Testing, &["bloomreach", "exponea"], &[]),
    v("LimeSpot", Testing, &["limespot"], &[]),
    v("Rebuy", Testing, &["rebuy", "rebuy engine"], &["rebuy"]),
    v("Clerk.io", Testing, &["clerk.io"], &[]),
    v("Unbxd", Testing, &["unbxd"], &[]),
    v("Attraqt", Testing, &["attraqt"], &[]),
    v("Yieldify", Testing, &["yieldify"], &[]),
    v("Unbounce", Testing, &["unbounce"], &[]),
    v("Instapage", Testing, &["instapage"], &[]),
    v("Intellimize", Testing, &["intellimize"], &[]),
    v("Omniconvert", Testing, &["omniconvert"], &[]),
    v("Personyze", Testing, &["personyze"], &[]),
    v("Granify", Testing, &["granify"], &[]),
    v("Baynote", Testing, &["baynote"], &[]),
    v("Peerius", Testing, &["peerius"], &[]),
    v("MyBuys", Testing, &["mybuys"], &[]),
    v("Frosmo", Testing, &["frosmo"], &[]),
    v("Conductrics", Testing, &["conductrics"], &[]),
    v(
        "Zoho PageSense",
        Testing,
        &["pagesense", "zoho pagesense"],
        &[],
    ),
    // ---- Affiliate networks and referral programmes.
    v(
        "Rakuten Advertising",
        Affiliate,
        &[
            "rakuten advertising",
            "rakuten marketing",
            "rakuten linkshare",
            "linkshare",
            "rakuten affiliate network",
            "rakuten",
        ],
        &[],
    ),
    v(
        "CJ Affiliate",
        Affiliate,
        &["cj affiliate", "commission junction", "cj.com"],
        &[],
    ),
    v(
        "Impact",
        Affiliate,
        &["impact radius", "impact.com", "impact tech"],
        &[],
    ),
    v(
        "ShareASale",
        Affiliate,
        &["shareasale", "share a sale"],
        &[],
    ),
    // Affiliate Window and Zanox are Awin's former names.
    v(
        "Awin",
        Affiliate,
        &["awin", "affiliate window", "zanox"],
        &[],
    ),
    v("Pepperjam", Affiliate, &["pepperjam"], &[]),
    v(
        "Partnerize",
        Affiliate,
        &["partnerize", "performance horizon"],
        &[],
    ),
    v("AvantLink", Affiliate, &["avantlink"], &[]),
    v("FlexOffers", Affiliate, &["flexoffers"], &[]),
    v("ClickBank", Affiliate, &["clickbank"], &[]),
    v(
        "Amazon Associates",
        Affiliate,
        &[
            "amazon associates",
            "amazon associate",
            "amazon services llc associates program",
            "amazon affiliate program",
        ],
        &[],
    ),
    v(
        "eBay Partner Network",
        Affiliate,
        &["ebay partner network"],
        &[],
    ),
    v("Skimlinks", Affiliate, &["skimlinks"], &[]),
    v("VigLink", Affiliate, &["viglink", "sovrn commerce"], &[]),
    v("Refersion", Affiliate, &["refersion"], &[]),
    v(
        "ReferralCandy",
        Affiliate,
        &["referralcandy", "referral candy"],
        &[],
    ),
    v("LeadDyno", Affiliate, &["leaddyno"], &[]),
    v("Tapfiliate", Affiliate, &["tapfiliate"], &[]),
    v("UpPromote", Affiliate, &["uppromote"], &[]),
    v("GoAffPro", Affiliate, &["goaffpro"], &[]),
    v(
        "Post Affiliate Pro",
        Affiliate,
        &["post affiliate pro"],
        &[],
    ),
    v("iDevAffiliate", Affiliate, &["idevaffiliate"], &[]),
    v("AffiliateWP", Affiliate, &["affiliatewp"], &[]),
    v("Webgains", Affiliate, &["webgains"], &[]),
    v("Tradedoubler", Affiliate, &["tradedoubler"], &[]),
    v("Admitad", Affiliate, &["admitad"], &[]),
    v("HasOffers", Affiliate, &["hasoffers", "tune.com"], &[]),
    v("Everflow", Affiliate, &["everflow"], &[]),
    v("LinkConnector", Affiliate, &["linkconnector"], &[]),
    v("PartnerStack", Affiliate, &["partnerstack"], &[]),
    v(
        "Commission Factory",
        Affiliate,
        &["commission factory"],
        &[],
    ),
    v("Affiliate Future", Affiliate, &["affiliate future"], &[]),
    v("Friendbuy", Affiliate, &["friendbuy"], &[]),
    v("Extole", Affiliate, &["extole"], &[]),
    v("Talkable", Affiliate, &["talkable"], &["talkable"]),
    // ---- Customer-data platforms, data management platforms, identity
    // resolution, data brokers and catalogue co-operatives.
    v(
        "Segment",
        CustomerData,
        &["segment", "segment.com", "segment.io", "twilio segment"],
        &["segment"],
    ),
    v("mParticle", CustomerData, &["mparticle"], &[]),
    v("LiveRamp", CustomerData, &["liveramp", "rapleaf"], &[]),
    v("Lotame", CustomerData, &["lotame"], &[]),
    v(
        "Oracle BlueKai",
        CustomerData,
        &["bluekai", "oracle bluekai"],
        &[],
    ),
    v(
        "Oracle Data Cloud",
        CustomerData,
        &["oracle data cloud", "datalogix", "oracle advertising"],
        &[],
    ),
    v(
        "Adobe Audience Manager",
        CustomerData,
        &["adobe audience manager", "demdex"],
        &[],
    ),
    v(
        "Salesforce DMP",
        CustomerData,
        &["salesforce dmp", "krux", "salesforce audience studio"],
        &[],
    ),
    v("Acxiom", CustomerData, &["acxiom"], &[]),
    // Epsilon runs the Abacus catalogue co-operative ("Epsilon Abacus").
    v(
        "Epsilon",
        CustomerData,
        &[
            "epsilon",
            "epsilon abacus",
            "epsilon data management",
            "abacus",
            "abacus alliance",
            "abacus cooperative",
            "abacus direct",
        ],
        &["epsilon", "abacus"],
    ),
    v("Wiland", CustomerData, &["wiland"], &[]),
    // A UK catalogue co-operative like Abacus.
    v("Conexance", CustomerData, &["conexance"], &[]),
    v(
        "I-Behavior",
        CustomerData,
        &["i-behavior", "ibehavior"],
        &[],
    ),
    v(
        "Experian Marketing Services",
        CustomerData,
        &["experian marketing services", "experian marketing"],
        &[],
    ),
    v("Data Axle", CustomerData, &["data axle", "infogroup"], &[]),
    v("Claritas", CustomerData, &["claritas"], &[]),
    v("Neustar", CustomerData, &["neustar"], &[]),
    v("Tapad", CustomerData, &["tapad"], &[]),
    v("Drawbridge", CustomerData, &["drawbridge"], &["drawbridge"]),
    v("Amperity", CustomerData, &["amperity"], &[]),
    v("BlueConic", CustomerData, &["blueconic"], &[]),
    v("Lytics", CustomerData, &["lytics"], &[]),
    v("Treasure Data", CustomerData, &["treasure data"], &[]),
    v("RudderStack", CustomerData, &["rudderstack"], &[]),
    v("Simon Data", CustomerData, &["simon data"], &[]),
    // Sub2 Technologies: UK real-time data capture and personalisation.
    v(
        "Sub2 Technologies",
        CustomerData,
        &["sub2 technologies", "sub2"],
        &[],
    ),
    v(
        "Zeta Global",
        CustomerData,
        &["zeta global", "zeta interactive"],
        &[],
    ),
    v("TowerData", CustomerData, &["towerdata"], &[]),
    v("FullContact", CustomerData, &["fullcontact"], &[]),
    v("Clearbit", CustomerData, &["clearbit"], &[]),
    v("ZoomInfo", CustomerData, &["zoominfo"], &[]),
    // Identity resolution for Shopify e-mail flows.
    v("Retention.com", CustomerData, &["retention.com"], &[]),
    v("Eyeota", CustomerData, &["eyeota"], &[]),
    v("Zeotap", CustomerData, &["zeotap"], &[]),
    v("Cuebiq", CustomerData, &["cuebiq"], &[]),
    v("Bombora", CustomerData, &["bombora"], &[]),
    v("eXelate", CustomerData, &["exelate"], &[]),
    // ---- Chat and support widgets, which set their own cookies and record visits.
    v(
        "LiveChat",
        Chat,
        &["livechat", "livechat inc", "livechatinc.com"],
        &[],
    ),
    // Zopim became Zendesk Chat.
    v("Zendesk", Chat, &["zendesk", "zopim"], &[]),
    v(
        "Intercom",
        Chat,
        &["intercom", "intercom.io", "intercom inc"],
        &["intercom"],
    ),
    v("Drift", Chat, &["drift", "drift.com"], &["drift"]),
    v("Olark", Chat, &["olark"], &[]),
    v("Tidio", Chat, &["tidio"], &[]),
    v("tawk.to", Chat, &["tawk.to", "tawk"], &[]),
    v("LivePerson", Chat, &["liveperson"], &[]),
    v("Gorgias", Chat, &["gorgias"], &[]),
    v("Gladly", Chat, &["gladly"], &["gladly"]),
    v(
        "Freshdesk",
        Chat,
        &["freshdesk", "freshchat", "freshworks"],
        &[],
    ),
    v("Crisp", Chat, &["crisp", "crisp.chat"], &["crisp"]),
    v("Re:amaze", Chat, &["reamaze", "re amaze"], &[]),
    v("Kustomer", Chat, &["kustomer"], &[]),
    v("Help Scout", Chat, &["help scout", "helpscout"], &[]),
    v("SnapEngage", Chat, &["snapengage"], &[]),
    v("Comm100", Chat, &["comm100"], &[]),
    v("Userlike", Chat, &["userlike"], &[]),
    v("Smartsupp", Chat, &["smartsupp"], &[]),
    v("Chatra", Chat, &["chatra"], &[]),
    v("Pure Chat", Chat, &["pure chat", "purechat"], &[]),
    v("BoldChat", Chat, &["boldchat", "bold360"], &[]),
    v("Velaro", Chat, &["velaro"], &[]),
    v("ClickDesk", Chat, &["clickdesk"], &[]),
    // The bare phrase "provide support" is ordinary English.
    v(
        "Provide Support",
        Chat,
        &["providesupport", "provide support llc"],
        &[],
    ),
    v("Zoho SalesIQ", Chat, &["zoho salesiq", "salesiq"], &[]),
    v("JivoChat", Chat, &["jivochat", "jivosite"], &[]),
    v("Kayako", Chat, &["kayako"], &[]),
    v("LiveAgent", Chat, &["liveagent"], &[]),
    v("LiveHelpNow", Chat, &["livehelpnow"], &[]),
    v("WhosOn", Chat, &["whoson"], &[]),
    v("Click4Assistance", Chat, &["click4assistance"], &[]),
    v("Desk.com", Chat, &["desk.com", "salesforce desk"], &[]),
    v("UserVoice", Chat, &["uservoice"], &[]),
    v("HelpCrunch", Chat, &["helpcrunch"], &[]),
    v("Richpanel", Chat, &["richpanel"], &[]),
    v("Octane AI", Chat, &["octane ai"], &[]),
    v("ManyChat", Chat, &["manychat"], &[]),
    v("Chatfuel", Chat, &["chatfuel"], &[]),
];

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::{HashMap, HashSet};

    #[test]
    fn names_are_unique() {
        let mut seen = HashSet::new();
        for vendor in VENDORS {
            assert!(seen.insert(vendor.name), "duplicate vendor {}", vendor.name);
            assert_eq!(vendor.name.trim(), vendor.name);
            assert!(!vendor.name.is_empty());
        }
    }

    #[test]
    fn aliases_are_plain_lower_case_phrases() {
        for vendor in VENDORS {
            assert!(!vendor.aliases.is_empty(), "{} has no alias", vendor.name);
            for alias in vendor.aliases {
                assert!(!alias.is_empty(), "empty alias of {}", vendor.name);
                assert_eq!(alias.trim(), *alias, "untrimmed alias {alias:?}");
                assert!(!alias.contains("  "), "double space in {alias:?}");
                assert!(
                    alias.chars().all(|c| c.is_ascii_lowercase()
                        || c.is_ascii_digit()
                        || matches!(c, '.' | '-' | '\'' | '&' | ' ')),
                    "alias {alias:?} of {} is not lower-case ASCII without metacharacters",
                    vendor.name
                );
                assert!(
                    alias.chars().any(|c| c.is_ascii_alphanumeric()),
                    "alias {alias:?} has no letter"
                );
            }
        }
    }

    #[test]
    fn no_alias_belongs_to_two_vendors() {
        let mut owner: HashMap<&str, &str> = HashMap::new();
        for vendor in VENDORS {
            for alias in vendor.aliases {
                if let Some(other) = owner.insert(alias, vendor.name) {
                    panic!("alias {alias:?} belongs to {other} and {}", vendor.name);
                }
            }
        }
    }

    #[test]
    fn ambiguous_aliases_are_aliases() {
        for vendor in VENDORS {
            for alias in vendor.ambiguous {
                assert!(
                    vendor.aliases.contains(alias),
                    "ambiguous {alias:?} is not an alias of {}",
                    vendor.name
                );
            }
        }
    }

    #[test]
    fn the_table_is_large() {
        assert!(VENDORS.len() >= 300, "only {} vendors", VENDORS.len());
    }

    #[test]
    fn labels_names_are_present_with_their_spelling() {
        let names = [
            "Google Analytics",
            "Google Ads",
            "Facebook",
            "Bing Ads",
            "Shopify Analytics",
            "Klaviyo",
            "Hotjar",
            "Pinterest",
            "TikTok",
            "Snapchat",
            "Twitter",
            "Criteo",
            "Adobe Analytics",
            "Amazon Advertising",
            "Localytics",
            "Sub2 Technologies",
            "Qualtrics",
            "Rakuten Advertising",
            "Adobe Marketing Cloud Device Co-op",
            "Google Tag Manager",
        ];
        for name in names {
            assert!(VENDORS.iter().any(|v| v.name == name), "{name} is missing");
        }
    }

    #[test]
    fn labels_aliases_go_to_their_services() {
        let owner = |alias: &str| {
            VENDORS
                .iter()
                .find(|v| v.aliases.contains(&alias))
                .map(|v| v.name)
        };
        for (alias, name) in [
            ("adwords", "Google Ads"),
            ("google adwords", "Google Ads"),
            ("google adsense", "Google Ads"),
            ("doubleclick", "Google Ads"),
            ("google display network", "Google Ads"),
            ("google remarketing", "Google Ads"),
            ("google ad manager", "Google Ads"),
            ("google marketing platform", "Google Ads"),
            ("google customer match", "Google Ads"),
            ("google shopping ads", "Google Ads"),
            ("facebook pixel", "Facebook"),
            ("meta pixel", "Facebook"),
            ("custom audiences", "Facebook"),
            ("facebook advertising", "Facebook"),
            ("microsoft advertising", "Bing Ads"),
            ("bing uet", "Bing Ads"),
            ("omniture", "Adobe Analytics"),
            ("sitecatalyst", "Adobe Analytics"),
        ] {
            assert_eq!(owner(alias), Some(name), "{alias}");
        }
    }

    #[test]
    fn category_names_are_snake_case_and_distinct() {
        let all = [
            Category::Analytics,
            Category::Advertising,
            Category::Social,
            Category::EmailMarketing,
            Category::SmsMarketing,
            Category::Reviews,
            Category::SessionReplay,
            Category::TagManager,
            Category::Testing,
            Category::Affiliate,
            Category::CustomerData,
            Category::Chat,
        ];
        let names: HashSet<&str> = all.iter().map(|c| c.name()).collect();
        assert_eq!(names.len(), all.len());
        for name in names {
            assert!(name.chars().all(|c| c.is_ascii_lowercase() || c == '_'));
        }
        assert_eq!(Category::EmailMarketing.name(), "email_marketing");
        for category in all {
            assert!(
                VENDORS.iter().any(|v| v.category == category),
                "no vendor in {category:?}"
            );
        }
    }
}
