package dev.forensics.triage;

import dev.forensics.triage.TypeEquivalence.Verdict;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * The answers of several type oracles over the corpus, judged against the labels: per true type, how many
 * files each oracle named correctly (and how many it named only by a parent type).
 */
final class AccuracyTable {

  /** One oracle's score on one group of files. */
  record Score(int files, int correct, int partial) {
    double accuracy() {
      return files == 0 ? 0 : (double) correct / files;
    }

    String cell() {
      return correct + "/" + files + (partial > 0 ? " (" + partial + " partial)" : "");
    }
  }

  private final Corpus corpus;
  private final List<String> oracles;
  private final Map<String, List<String>> answers;
  private final Map<String, List<Verdict>> verdicts;

  private AccuracyTable(Corpus corpus, Map<String, List<String>> answers, Map<String, List<Verdict>> verdicts) {
    this.corpus = corpus;
    this.oracles = List.copyOf(answers.keySet());
    this.answers = answers;
    this.verdicts = verdicts;
  }

  /** Runs every oracle over every labelled file and judges the answers. */
  static AccuracyTable measure(Corpus corpus, List<? extends TypeOracle> oracles, TypeEquivalence equivalence)
      throws IOException {
    List<Path> paths = corpus.paths();
    Map<String, List<String>> answers = new LinkedHashMap<>();
    Map<String, List<Verdict>> verdicts = new LinkedHashMap<>();
    for (TypeOracle oracle : oracles) {
      List<String> a = oracle.detect(paths);
      if (a.size() != paths.size()) {
        throw new IllegalStateException(oracle.name() + " answered " + a.size() + " of " + paths.size() + " files");
      }
      List<Verdict> v = new ArrayList<>(a.size());
      for (int i = 0; i < a.size(); i++) {
        v.add(equivalence.judge(corpus.labels().get(i).mimeType(), a.get(i)));
      }
      answers.put(oracle.name(), List.copyOf(a));
      verdicts.put(oracle.name(), List.copyOf(v));
    }
    return new AccuracyTable(corpus, answers, verdicts);
  }

  List<String> oracles() {
    return oracles;
  }

  /** The true types, sorted. */
  List<String> types() {
    return List.copyOf(new TreeSet<>(corpus.labels().stream().map(CorpusLabel::mimeType).toList()));
  }

  /** The answer {@code oracle} gave for the file at {@code index} in label order. */
  String answer(String oracle, int index) {
    return answers.get(oracle).get(index);
  }

  Verdict verdict(String oracle, int index) {
    return verdicts.get(oracle).get(index);
  }

  /** The oracle's score on the files whose true type is {@code type}. */
  Score score(String oracle, String type) {
    return scoreOf(oracle, type);
  }

  /** The oracle's score over the whole corpus. */
  Score overall(String oracle) {
    return scoreOf(oracle, null);
  }

  private Score scoreOf(String oracle, String type) {
    List<Verdict> v = verdicts.get(oracle);
    if (v == null) {
      throw new IllegalArgumentException("no oracle named " + oracle + "; have " + oracles);
    }
    int files = 0;
    int correct = 0;
    int partial = 0;
    for (int i = 0; i < v.size(); i++) {
      if (type != null && !corpus.labels().get(i).mimeType().equals(type)) {
        continue;
      }
      files++;
      if (v.get(i) == Verdict.CORRECT) {
        correct++;
      } else if (v.get(i) == Verdict.PARTIAL) {
        partial++;
      }
    }
    return new Score(files, correct, partial);
  }

  /** The per-type table in Markdown: one row per true type, one column per oracle. */
  String perTypeMarkdown() {
    StringBuilder sb = new StringBuilder();
    sb.append("| true type | files |");
    oracles.forEach(o -> sb.append(' ').append(o).append(" |"));
    sb.append("\n|---|---:|");
    oracles.forEach(o -> sb.append("---:|"));
    sb.append('\n');
    for (String type : types()) {
      sb.append("| ").append(type).append(" | ").append(score(oracles.get(0), type).files()).append(" |");
      oracles.forEach(o -> sb.append(' ').append(score(o, type).cell()).append(" |"));
      sb.append('\n');
    }
    sb.append("| **all** | ").append(corpus.labels().size()).append(" |");
    oracles.forEach(o -> sb.append(" **").append(overall(o).cell()).append(String.format(Locale.ROOT, " = %.1f %%",
        100 * overall(o).accuracy())).append("** |"));
    sb.append('\n');
    return sb.toString();
  }

  /** Every file that at least one oracle did not name correctly, with each oracle's answer. */
  String missesMarkdown() {
    StringBuilder sb = new StringBuilder();
    sb.append("| file | true type |");
    oracles.forEach(o -> sb.append(' ').append(o).append(" |"));
    sb.append("\n|---|---|");
    oracles.forEach(o -> sb.append("---|"));
    sb.append('\n');
    List<CorpusLabel> labels = corpus.labels();
    for (int i = 0; i < labels.size(); i++) {
      final int index = i;
      if (oracles.stream().allMatch(o -> verdict(o, index) == Verdict.CORRECT)) {
        continue;
      }
      sb.append("| ").append(labels.get(i).file()).append(" | ").append(labels.get(i).mimeType()).append(" |");
      for (String o : oracles) {
        Verdict v = verdict(o, i);
        sb.append(' ').append(v == Verdict.CORRECT ? "ok" : answer(o, i) + (v == Verdict.PARTIAL ? " (partial)" : ""))
            .append(" |");
      }
      sb.append('\n');
    }
    return sb.toString();
  }
}
