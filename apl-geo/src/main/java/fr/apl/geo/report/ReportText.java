package fr.apl.geo.report;

import fr.apl.geo.map.CommuneMap;

/**
 * Holds every fixed word of the HTML report, in French and in English: the one place to read or
 * change them. A text with {@code %s} takes arguments, already formatted as numbers of its
 * language ({@link ReportWords}); {@code %2$s} takes the second, where the languages' word
 * orders differ. The English notes of the map join are those {@link CommuneMap} writes, kept
 * here beside their French.
 */
enum ReportText {
  HTML_LANG("fr", "en"),
  TITLE("Accessibilité potentielle localisée", "Local potential accessibility"),
  TITLE_ALL("France (%s départements)", "France (%s departments)"),
  TITLE_DEPARTMENTS("%s départements", "%s departments"),
  SUBTITLE(
      "APL par commune, en consultations par an et par habitant standardisé (colonne %s de %s)",
      "APL by commune, in consultations a year per standardised inhabitant (column %s of %s)"),
  ESTIMATES(
      "Données d'exemple : les temps de trajet, l'offre et les médecins de data-samples sont des"
          + " estimations, pas les données de la DREES ; les chiffres de ce rapport ne sont pas"
          + " ceux de l'APL publiée.",
      "Sample data: the travel times, supply and doctors of data-samples are estimates, not the"
          + " DREES data; the figures of this report are not those of the published APL."),

  // Sections.
  SECTION_SUMMARY("En bref", "Key figures"),
  SECTION_MAP("Carte", "Map"),
  SECTION_DEPARTMENTS("Par département", "By department"),
  SECTION_DISTRIBUTION("Distribution de l'APL", "Distribution of APL"),
  SECTION_EXTREMES("Communes les moins et les mieux dotées", "Least and best served communes"),
  SECTION_CAPPED("Vue prévisible", "Foreseeable view"),
  SECTION_ZONING("Zonage", "Zoning"),
  SECTION_SCENARIOS("Scénarios", "Scenarios"),
  SECTION_INPUTS("Paramètres et données", "Parameters and inputs"),

  // The ARS sentences.
  THE_TERRITORY("Ensemble du territoire", "Whole territory"),
  NO_COMMUNE_BELOW(
      "Aucune commune n'a moins de 2,5 consultations par an.",
      "No commune has fewer than 2.5 consultations a year."),
  NO_COMMUNE_WOULD_BE_BELOW(
      "Aucune commune n'aurait moins de 2,5 consultations par an.",
      "No commune would have fewer than 2.5 consultations a year."),
  BELOW_25(
      "%s dans %s %s moins de 2,5 consultations par an (%s de la population)",
      "%s in %s %s fewer than 2.5 consultations a year (%s of the population)"),
  HAVE_ONE("a", "has"),
  HAVE_MANY("ont", "have"),
  WOULD_HAVE_ONE("aurait", "would have"),
  WOULD_HAVE_MANY("auraient", "would have"),
  BELOW_1(" ; %s sous 1 (%s).", "; %s below 1 (%s)."),
  NONE_BELOW_1(" ; aucune commune sous 1.", "; no commune below 1."),
  CAPPED_VIEW("%s, sans les médecins de %s ans ou plus", "%s, without doctors aged %s or more"),
  CAPPED_COLUMN_VIEW("%s, colonne %s", "%s, column %s"),
  INHABITANT("habitant", "inhabitant"),
  INHABITANTS("habitants", "inhabitants"),
  COMMUNE("commune", "commune"),
  COMMUNES("communes", "communes"),
  AREA_SEPARATOR(" : ", ": "),
  WEIGHT_RESIDENTS(
      "Habitants : population résidente (colonne %s).",
      "Inhabitants: resident population (column %s)."),
  WEIGHT_STANDARDISED(
      "Habitants : population standardisée (colonne %s), faute de colonne de population"
          + " résidente ; la DREES compte les habitants résidents.",
      "Inhabitants: standardised population (column %s), for want of a resident population"
          + " column; DREES counts resident inhabitants."),
  THRESHOLDS_NOTE(
      "« Moins de 2,5 » et « sous 1 » sont stricts, comme les classes de carte de la DREES"
          + " [0 ; 2,5[, [2,5 ; 4[, [4 ; +∞[ ; ces chiffres sont ceux d'apl zoning --figures.",
      "\"Fewer than 2.5\" and \"below 1\" are strict, as in the DREES map classes [0; 2.5[,"
          + " [2.5; 4[, [4; +inf[; these figures are those of apl zoning --figures."),
  MEAN_SENTENCE(
      "APL moyenne pondérée par les habitants : %s.", "Mean APL weighted by inhabitants: %s."),
  CAPPED_INTRO(
      "La vue prévisible retire l'activité des médecins de %s ans ou plus (colonne %s) : l'accès"
          + " qui resterait après leur départ.",
      "The foreseeable view leaves out the activity of doctors aged %s or more (column %s): the"
          + " access that would remain once they retire."),
  CAPPED_INTRO_COLUMN(
      "La vue prévisible est celle de la colonne %s.", "The foreseeable view is column %s."),

  // Tables.
  DEPARTMENT("Département", "Department"),
  COMMUNES_HEADER("Communes", "Communes"),
  INHABITANTS_HEADER("Habitants", "Inhabitants"),
  INHABITANTS_SHORT("Hab.", "Inhab."),
  COMMUNES_SHORT("Comm.", "Comm."),
  MEAN_HEADER("APL moyenne", "Mean APL"),
  BELOW_25_HEADER("Sous 2,5", "Below 2.5"),
  BELOW_1_HEADER("Sous 1", "Below 1"),
  BELOW_4_HEADER("Sous 4", "Below 4"),
  SHARE_HEADER("part", "share"),
  CAPPED_BELOW_25_HEADER("Sous 2,5 hors %s ans et +", "Below 2.5 without %s+"),
  CAPPED_BELOW_25_COLUMN_HEADER("Sous 2,5 (%s)", "Below 2.5 (%s)"),
  COMMUNE_HEADER("Commune", "Commune"),
  CODE_HEADER("Code", "Code"),
  APL_HEADER("APL", "APL"),
  CAPPED_HEADER("Hors %s ans et +", "Without %s+"),
  TOTAL("Ensemble", "Total"),
  LOWEST("Les %s communes à l'APL la plus basse", "The %s communes with the lowest APL"),
  HIGHEST("Les %s communes à l'APL la plus haute", "The %s communes with the highest APL"),
  EXTREMES_NOTE(
      "Communes habitées seulement ; à APL égale, la plus peuplée d'abord.",
      "Inhabited communes only; at equal APL, the most populated first."),
  ARRONDISSEMENT("%s, %s arrondissement", "%s, arrondissement %s"),
  FIRST("1er", "1"),
  NTH("%se", "%s"),

  // Maps and histogram.
  LEGEND("APL (consultations par an et par habitant)", "APL (consultations a year per inhabitant)"),
  MAP_TITLE("APL, %s", "APL, %s"),
  CAPPED_MAP_TITLE(
      "APL sans les médecins de %s ans ou plus", "APL without doctors aged %s or more"),
  CAPPED_COLUMN_MAP_TITLE("APL, colonne %s", "APL, column %s"),
  MAP_SOURCE(
      "Classes de la DREES : [0 ; 2,5[, [2,5 ; 4[, [4 ; +∞[ ; Lambert-93",
      "DREES classes: [0; 2.5[, [2.5; 4[, [4; +inf[; Lambert-93"),
  MAP_CAPTION(
      "Communes par classe d'APL de la DREES ; la légende compte les communes dessinées et leurs"
          + " habitants. Les communes sans valeur sont hachurées. Survolez une commune pour son"
          + " nom et sa valeur.",
      "Communes by DREES APL class; the legend counts the communes drawn and their inhabitants."
          + " Communes without a value are hatched. Hover over a commune for its name and"
          + " value."),
  HISTOGRAM_CAPTION(
      "Habitants par tranche d'APL de %s (toutes les communes du territoire) ; traits"
          + " tiretés aux seuils 2,5 et 4. Premier décile %s, médiane %s, dernier décile %s.",
      "Inhabitants by APL bin of %s (every commune of the territory); dashed lines at the"
          + " thresholds 2.5 and 4. First decile %s, median %s, last decile %s."),
  HISTOGRAM_X(
      "APL (consultations par an et par habitant standardisé)",
      "APL (consultations a year per standardised inhabitant)"),
  HISTOGRAM_Y("habitants", "inhabitants"),
  MEAN_SHORT("moyenne %s", "mean %s"),
  ABOVE("≥ %s", "≥ %s"),

  // Zoning.
  ZONING_INTRO_TERRITORIES(
      "Classes des territoires du fichier %s (tous ses territoires : un territoire peut"
          + " déborder d'un département).",
      "Classes of the territories of %s (all its territories: a territory may cross a"
          + " department's border)."),
  ZONING_INTRO_COMMUNES(
      "Classes des communes du fichier %s (classe de leur territoire), communes du territoire"
          + " du rapport ; habitants de la colonne %s.",
      "Classes of the communes of %s (their territory's class), communes of the report's"
          + " territory; inhabitants from column %s."),
  CLASS_HEADER("Classe", "Class"),
  TERRITORIES_HEADER("Territoires", "Territories"),
  POPULATION_HEADER("Population", "Population"),
  NO_CLASS("(sans classe)", "(no class)"),
  ZONING_MAP_TITLE("Zonage : %s", "Zoning: %s"),
  ZONING_LEGEND("Classe de zonage", "Zoning class"),

  // Scenarios.
  SCENARIOS_INTRO(
      "Chaque colonne %s_NOM est un scénario (apl compute --scenarios) comparé à %s.",
      "Each column %s_NAME is a scenario (apl compute --scenarios) compared with %s."),
  SCENARIO_TITLE("Scénario %s", "Scenario %s"),
  SCENARIO_UNCHANGED(
      "Ce scénario ne change l'APL d'aucune commune du territoire.",
      "This scenario changes the APL of no commune of the territory."),
  SCENARIO_CHANGED(
      "Il change l'APL de %s du territoire :", "It changes the APL of %s of the territory:"),
  BEFORE("Avant", "Before"),
  AFTER("Après", "After"),
  BEFORE_MAP_TITLE("Avant : %s", "Before: %s"),
  AFTER_MAP_TITLE("Après : %s", "After: %s"),
  SCENARIO_MAPS_CAPTION(
      "Avant et après, départements où le scénario change l'APL : %s.",
      "Before and after, departments where the scenario changes the APL: %s."),
  CLASS_CHANGES("Communes qui changent de classe : %s.", "Communes that change class: %s."),
  NO_CLASS_CHANGE("Aucune commune ne change de classe.", "No commune changes class."),
  CLASS_BEFORE("Classe avant", "Class before"),
  CLASS_AFTER("Classe après", "Class after"),
  MORE_ROWS("… et %s de plus.", "… and %s more."),

  // Parameters and inputs.
  PARAMETER("Paramètre", "Parameter"),
  VALUE("Valeur", "Value"),
  P_COLUMN("Colonne représentée", "Column shown"),
  P_CAPPED("Colonne de la vue prévisible", "Column of the foreseeable view"),
  P_WEIGHT("Habitants", "Inhabitants"),
  P_WEIGHT_RESIDENTS("population résidente (colonne %s)", "resident population (column %s)"),
  P_WEIGHT_STANDARDISED(
      "population standardisée (colonne %s)", "standardised population (column %s)"),
  P_DEPARTMENTS("Départements", "Departments"),
  P_CLASSES("Classes", "Classes"),
  P_CLASSES_VALUE(
      "DREES : [0 ; 2,5[, [2,5 ; 4[, [4 ; +∞[ ; seuils des phrases : 1, 2,5 et 4 (stricts)",
      "DREES: [0; 2.5[, [2.5; 4[, [4; +inf[; thresholds of the sentences: 1, 2.5 and 4 (strict)"),
  P_SCENARIOS("Scénarios", "Scenarios"),
  P_GENERATOR("Produit par", "Made by"),
  P_NONE("aucune", "none"),
  INPUT_ROLE("Rôle", "Role"),
  INPUT_FILE("Fichier", "File"),
  INPUT_SIZE("Taille (octets)", "Size (bytes)"),
  INPUT_SHA256("sha256", "sha256"),
  NOTES("Notes", "Notes"),
  NO_NOTE("Aucune.", "None."),
  COMMUNES_WITHOUT_VALUE(
      "communes du territoire sans valeur de %2$s, laissées hors des chiffres : %1$s (%3$s)",
      "communes of the territory without a value of %2$s, left out of the figures: %1$s (%3$s)"),
  WEIGHTS_MISSING(
      "communes du territoire sans nombre d'habitants (colonne %2$s), comptées pour 0 : %1$s"
          + " (%3$s)",
      "communes of the territory without inhabitants (column %2$s), counted as 0: %1$s (%3$s)"),
  METHOD_NOTE(
      "APL : indicateur de la DREES (document de travail 124 ; Luo et Qi 2009), calculé par"
          + " apl compute. Rapport autonome : aucune ressource extérieure.",
      "APL: the DREES indicator (working paper 124; Luo and Qi 2009), computed by apl compute."
          + " Self-contained report: no external resource."),

  // The join notes of CommuneMap, recognised and put in French (the English is CommuneMap's).
  NOTE_DISSOLVED(
      "polygones de communes fusionnées fondus dans leur commune actuelle : %s",
      "%s polygons of merged communes dissolved into their current commune"),
  NOTE_CITY(
      "%s : montrée sur la ville entière, la valeur %s de ses arrondissements pondérée par %s",
      "%s: shown on the whole city, the %s of its arrondissements weighted by %s"),
  NOTE_NO_VALUE(
      "communes dessinées sans valeur (hachurées) : %s (%s)",
      "%s communes drawn without a value (hatched): %s"),
  NOTE_NO_POLYGON(
      "communes de %2$s sans polygone (non dessinées) : %1$s (%3$s)",
      "%s communes of %s have no polygon (not drawn): %s"),
  NOTE_LEFT_OUT("entités de %2$s laissées de côté : %1$s (%3$s)", "%s features of %s left out: %s"),
  NOTE_NO_OUTLINES(
      "pas de contours de départements : %s communes, trop pour les dissoudre vite ; donnez les"
          + " polygones des départements (--outlines)",
      "no department outlines: %s communes are too many to dissolve quickly; give the"
          + " departments' polygons as outlines");

  private final String fr;
  private final String en;

  ReportText(String fr, String en) {
    this.fr = fr;
    this.en = en;
  }

  /**
   * Returns the text in a language.
   *
   * @param french true for French, false for English
   * @return the text
   */
  String in(boolean french) {
    return french ? fr : en;
  }
}
