/// Column names and closed option values, copied from `surveys/*.yaml` and `option-sets.yaml`.
///
/// The generator does not read the YAML at run time (it has no dependencies and must run anywhere);
/// the tests pin these lists so a change to an instrument shows up as a failing test here.
public enum InstrumentColumns {
    /// Header of a community-survey import file: id, date, mode, then every question in file order.
    public static let community = [
        "response_id", "submitted_at", "mode",
        "aware", "what_is", "understanding", "sources", "sources_detail", "trust",
        "concerns", "other_tools", "help",
        "age_band", "gender", "ethnicity", "borough", "consent_quote",
    ]

    /// Header of a partner-survey import file.
    public static let partner = [
        "response_id", "submitted_at", "mode",
        "sector", "familiarity", "briefed", "purpose", "sharing", "confidence",
        "other_tools", "help", "borough", "consent_quote",
    ]
}

/// A London borough (or the City) as the instruments code it.
struct Borough: Sendable {
    let code: String
    let name: String
}

/// Option values shared by the instruments.
enum OptionValues {
    static let boroughs: [Borough] = [
        Borough(code: "E09000001", name: "City of London"),
        Borough(code: "E09000002", name: "Barking and Dagenham"),
        Borough(code: "E09000003", name: "Barnet"),
        Borough(code: "E09000004", name: "Bexley"),
        Borough(code: "E09000005", name: "Brent"),
        Borough(code: "E09000006", name: "Bromley"),
        Borough(code: "E09000007", name: "Camden"),
        Borough(code: "E09000008", name: "Croydon"),
        Borough(code: "E09000009", name: "Ealing"),
        Borough(code: "E09000010", name: "Enfield"),
        Borough(code: "E09000011", name: "Greenwich"),
        Borough(code: "E09000012", name: "Hackney"),
        Borough(code: "E09000013", name: "Hammersmith and Fulham"),
        Borough(code: "E09000014", name: "Haringey"),
        Borough(code: "E09000015", name: "Harrow"),
        Borough(code: "E09000016", name: "Havering"),
        Borough(code: "E09000017", name: "Hillingdon"),
        Borough(code: "E09000018", name: "Hounslow"),
        Borough(code: "E09000019", name: "Islington"),
        Borough(code: "E09000020", name: "Kensington and Chelsea"),
        Borough(code: "E09000021", name: "Kingston upon Thames"),
        Borough(code: "E09000022", name: "Lambeth"),
        Borough(code: "E09000023", name: "Lewisham"),
        Borough(code: "E09000024", name: "Merton"),
        Borough(code: "E09000025", name: "Newham"),
        Borough(code: "E09000026", name: "Redbridge"),
        Borough(code: "E09000027", name: "Richmond upon Thames"),
        Borough(code: "E09000028", name: "Southwark"),
        Borough(code: "E09000029", name: "Sutton"),
        Borough(code: "E09000030", name: "Tower Hamlets"),
        Borough(code: "E09000031", name: "Waltham Forest"),
        Borough(code: "E09000032", name: "Wandsworth"),
        Borough(code: "E09000033", name: "Westminster"),
    ]

    /// Respondent weight per borough code: the consultation reached affected areas most.
    static let boroughWeight: [String: Double] = [
        "E09000022": 9, "E09000028": 8, "E09000012": 8, "E09000014": 7, "E09000025": 6.5,
        "E09000008": 6.5, "E09000005": 6, "E09000023": 6, "E09000030": 4.5, "E09000031": 4.5,
        "E09000010": 4, "E09000019": 3, "E09000007": 3, "E09000011": 3, "E09000032": 3,
        "E09000009": 3, "E09000002": 3, "E09000033": 2.2, "E09000013": 2, "E09000024": 2,
        "E09000018": 2, "E09000026": 2, "E09000003": 1.8, "E09000017": 1.6, "E09000015": 1.4,
        "E09000020": 1.4, "E09000006": 1.3, "E09000004": 1.2, "E09000016": 1.2, "E09000029": 1.1,
        "E09000021": 1, "E09000027": 1, "E09000001": 0.5,
    ]

    static let ethnicity = [
        "white_british", "white_irish", "white_gypsy_traveller", "white_other",
        "mixed_white_black_caribbean", "mixed_white_black_african", "mixed_white_asian", "mixed_other",
        "asian_indian", "asian_pakistani", "asian_bangladeshi", "asian_chinese", "asian_other",
        "black_african", "black_caribbean", "black_other", "other_arab", "other_any", "prefer_not_to_say",
    ]

    static let sources = [
        "police", "news", "social_media", "campaign_report", "friends_family", "community_group",
        "school_college", "youth_service", "council", "other", "none",
    ]
}
