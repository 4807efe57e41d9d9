package dev.forensics.exercise;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The student's task sheet ({@code handout.md}) and the answer-sheet template ({@code answer-sheet.yaml})
 * of a scenario. Neither contains an answer: only titles, the scenario text, the evidence names, the
 * questions with their points and the expected form of each answer. Output is deterministic (same
 * scenario, same bytes), UTF-8 text with LF line ends.
 */
public final class Handout {
  private Handout() {}

  /**
   * The handout in Markdown.
   *
   * @param variant the variant, printed so that the sheet can be matched with its answer key
   * @param studentName the student's name, printed when the handout is for one student
   */
  public static String markdown(Scenario s, Optional<Variant> variant, Optional<String> studentName) {
    ExerciseInfo info = s.info();
    StringBuilder b = new StringBuilder();
    b.append("# ").append(oneLine(info.title())).append("\n\n");
    b.append("Exercise `").append(info.id()).append("` · ").append(oneLine(info.topic()));
    variant.ifPresent(v -> b.append(" · ").append(v.label()));
    b.append('\n');
    studentName.ifPresent(n -> b.append("\nStudent: ").append(oneLine(n)).append('\n'));
    b.append("\n## Scenario\n\n").append(info.description().strip()).append("\n\n");
    b.append("## Evidence\n\n");
    s.evidence().folder().ifPresent(f -> b.append("- the folder `").append(f).append("/`\n"));
    s.evidence().diskImage().ifPresent(d -> b.append("- the disk image `").append(d.fileName()).append("` (")
        .append(d.fat().name()).append(", ").append(size(d.sizeBytes())).append(", volume label ")
        .append(d.label()).append(")\n"));
    Set<String> hashSets = new LinkedHashSet<>();
    s.artifacts().stream().filter(a -> a instanceof Artifact.KnownBad)
        .forEach(a -> hashSets.add(((Artifact.KnownBad) a).hashSet()));
    hashSets.stream().sorted().forEach(h -> b.append("- the notable hash set `").append(h).append("` (hashdeep format)\n"));
    s.artifacts().stream().filter(a -> a instanceof Artifact.Altered).map(a -> ((Artifact.Altered) a).manifest())
        .distinct().sorted()
        .forEach(m -> b.append("- the seizure manifest `").append(m).append("` (hashdeep format), made when the evidence was seized\n"));
    b.append("- `MANIFEST`: the hashes of every file you were given (hashdeep format: check your copy with `forensics")
        .append(" exercise check` or `hashdeep`), and `custody.jsonl`, the custody ledger in which your trainer")
        .append(" registered the evidence\n");
    b.append("\n## Questions\n\n");
    b.append("Total ").append(s.totalPoints().toPlainString()).append(" points; you pass with ")
        .append(s.passMark().toPlainString()).append(". Unless a question says otherwise, give times with their ")
        .append("zone; local time here is ").append(info.timeZone().getId())
        .append(". Write your answers in `answer-sheet.yaml`, next to each question's id.\n");
    int n = 1;
    for (Question q : s.questions()) {
      b.append("\n### ").append(n++).append(". ").append(points(q)).append(" · `").append(q.id()).append("`\n\n");
      b.append(q.text().strip()).append("\n\n");
      b.append("*Answer:* ").append(AnswerForms.describe(q.answer())).append(".\n");
    }
    return b.toString();
  }

  /**
   * The answer-sheet template in YAML: the exercise id, the variant, empty {@code student-id} and
   * {@code name}, and under {@code answers} one key per question id with an empty value ({@code ""}, or
   * {@code []} for lists) and a comment giving the expected form. {@link AnswerSheetReader} reads it back.
   */
  public static String answerSheet(Scenario s, Optional<Variant> variant) {
    StringBuilder b = new StringBuilder();
    b.append("# Answer sheet: ").append(oneLine(s.info().title())).append('\n');
    b.append("# Write each answer after its question id, in quotes: q1: \"my answer\".\n");
    b.append("# Lists: one item per line, indented, starting with \"- \". Do not change the ids.\n");
    b.append("exercise: ").append(s.info().id()).append('\n');
    variant.ifPresent(v -> b.append("variant: \"").append(v.label()).append("\"\n"));
    b.append("student-id: \"\"\n");
    b.append("name: \"\"\n");
    b.append("answers:\n");
    for (Question q : s.questions()) {
      b.append("  ").append(q.id()).append(": ").append(AnswerForms.isList(q.answer()) ? "[]" : "\"\"")
          .append("  # ").append(points(q)).append(": ").append(AnswerForms.describe(q.answer())).append('\n');
    }
    return b.toString();
  }

  private static String points(Question q) {
    String p = q.points().stripTrailingZeros().toPlainString();
    return p + (p.equals("1") ? " point" : " points");
  }

  private static String size(long bytes) {
    if (bytes % (1024 * 1024) == 0) {
      return bytes / (1024 * 1024) + " MiB";
    }
    if (bytes % 1024 == 0) {
      return bytes / 1024 + " KiB";
    }
    return bytes + " bytes";
  }

  private static String oneLine(String s) {
    return s.strip().replaceAll("\\s+", " ");
  }
}
