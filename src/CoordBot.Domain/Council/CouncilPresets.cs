namespace CoordBot.Domain.Council;

/// <summary>Council definitions shipped with the bot; the operator may start from one and edit it.</summary>
public static class CouncilPresets
{
    /// <summary>The 15 members of 2020 under Article 27; the presidency order is left to the alphabetical default (rule 18).</summary>
    public const string SecurityCouncil2020Json = """
        {
          "name": "United Nations Security Council (2020)",
          "key": "unsc",
          "shortName": "Security Council",
          "names": { "fr": "Conseil de sécurité de l'Organisation des Nations Unies (2020)", "es": "Consejo de Seguridad de las Naciones Unidas (2020)", "ru": "Совет Безопасности Организации Объединенных Наций (2020 год)", "zh": "联合国安全理事会（2020年）", "ar": "مجلس الأمن التابع للأمم المتحدة (2020)" },
          "shortNames": { "fr": "Conseil de sécurité", "es": "Consejo de Seguridad", "ru": "Совет Безопасности", "zh": "安全理事会", "ar": "مجلس الأمن" },
          "source": "United Nations Security Council, members and presidency in 2020 (https://www.un.org/securitycouncil/); Charter of the United Nations, Article 27; provisional rules of procedure, rule 18",
          "members": [
            { "code": "BEL", "name": "Belgium", "permanent": false,
              "names": { "fr": "Belgique", "es": "Bélgica", "ru": "Бельгия", "zh": "比利时", "ar": "بلجيكا" } },
            { "code": "CHN", "name": "China", "permanent": true,
              "names": { "fr": "Chine", "es": "China", "ru": "Китай", "zh": "中国", "ar": "الصين" } },
            { "code": "DOM", "name": "Dominican Republic", "permanent": false,
              "names": { "fr": "République dominicaine", "es": "República Dominicana", "ru": "Доминиканская Республика", "zh": "多米尼加共和国", "ar": "الجمهورية الدومينيكية" } },
            { "code": "EST", "name": "Estonia", "permanent": false,
              "names": { "fr": "Estonie", "es": "Estonia", "ru": "Эстония", "zh": "爱沙尼亚", "ar": "إستونيا" } },
            { "code": "FRA", "name": "France", "permanent": true,
              "names": { "fr": "France", "es": "Francia", "ru": "Франция", "zh": "法国", "ar": "فرنسا" } },
            { "code": "DEU", "name": "Germany", "permanent": false,
              "names": { "fr": "Allemagne", "es": "Alemania", "ru": "Германия", "zh": "德国", "ar": "ألمانيا" } },
            { "code": "IDN", "name": "Indonesia", "permanent": false,
              "names": { "fr": "Indonésie", "es": "Indonesia", "ru": "Индонезия", "zh": "印度尼西亚", "ar": "إندونيسيا" } },
            { "code": "NER", "name": "Niger", "permanent": false,
              "names": { "fr": "Niger", "es": "Níger", "ru": "Нигер", "zh": "尼日尔", "ar": "النيجر" } },
            { "code": "RUS", "name": "Russian Federation", "permanent": true,
              "names": { "fr": "Fédération de Russie", "es": "Federación de Rusia", "ru": "Российская Федерация", "zh": "俄罗斯联邦", "ar": "الاتحاد الروسي" } },
            { "code": "VCT", "name": "Saint Vincent and the Grenadines", "permanent": false,
              "names": { "fr": "Saint-Vincent-et-les Grenadines", "es": "San Vicente y las Granadinas", "ru": "Сент-Винсент и Гренадины", "zh": "圣文森特和格林纳丁斯", "ar": "سانت فنسنت وجزر غرينادين" } },
            { "code": "ZAF", "name": "South Africa", "permanent": false,
              "names": { "fr": "Afrique du Sud", "es": "Sudáfrica", "ru": "Южная Африка", "zh": "南非", "ar": "جنوب أفريقيا" } },
            { "code": "TUN", "name": "Tunisia", "permanent": false,
              "names": { "fr": "Tunisie", "es": "Túnez", "ru": "Тунис", "zh": "突尼斯", "ar": "تونس" } },
            { "code": "GBR", "name": "United Kingdom", "permanent": true,
              "names": { "fr": "Royaume-Uni", "es": "Reino Unido", "ru": "Соединенное Королевство", "zh": "联合王国", "ar": "المملكة المتحدة" } },
            { "code": "USA", "name": "United States", "permanent": true,
              "names": { "fr": "États-Unis", "es": "Estados Unidos", "ru": "Соединенные Штаты", "zh": "美国", "ar": "الولايات المتحدة" } },
            { "code": "VNM", "name": "Viet Nam", "permanent": false,
              "names": { "fr": "Viet Nam", "es": "Viet Nam", "ru": "Вьетнам", "zh": "越南", "ar": "فييت نام" } }
          ],
          "decisionRule": "council",
          "thresholds": { "procedural": 9, "substantive": 9 },
          "presidency": {
            "anchor": { "code": "VNM", "month": "2020-01" }
          },
          "votes": { "allowChange": true, "open": false, "hours": 24, "explanationHours": 3 }
        }
        """;

    public static CouncilDefinition SecurityCouncil2020 { get; } = CouncilDefinition.Parse(SecurityCouncil2020Json).Value;
}
