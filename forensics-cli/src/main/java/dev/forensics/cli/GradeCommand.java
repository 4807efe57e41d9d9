package dev.forensics.cli;

import dev.forensics.exercise.AnswerKey;
import dev.forensics.exercise.AnswerKeyException;
import dev.forensics.exercise.AnswerKeyJson;
import dev.forensics.exercise.KeyQuestion;
import dev.forensics.grading.ClassResult;
import dev.forensics.grading.Gradebook;
import dev.forensics.grading.Grader;
import dev.forensics.grading.GradescopeResults;
import dev.forensics.grading.GradingOptions;
import dev.forensics.grading.JUnitReport;
import dev.forensics.grading.StudentResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code forensics grade}: scores submissions against an answer key and writes feedback, gradebook and summary. */
@Command(name = "grade", mixinStandardHelpOptions = true, sortOptions = false)
final class GradeCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--key", paramLabel = "FILE", required = true, descriptionKey = "grade.key")
  Path keyFile;

  @Parameters(paramLabel = "SUBMISSIONS", arity = "0..1", descriptionKey = "grade.submissions")
  Path submissions;

  @Option(names = {"-o", "--output"}, paramLabel = "OUTDIR", defaultValue = "grades", descriptionKey = "grade.output")
  Path output;

  @Option(names = "--gradescope", descriptionKey = "grade.gradescope")
  boolean gradescope;

  @Option(names = "--gradescope-submission", paramLabel = "DIR", defaultValue = "/autograder/submission",
      descriptionKey = "grade.gradescopeSubmission")
  Path gradescopeSubmission;

  @Option(names = "--gradescope-results", paramLabel = "FILE", defaultValue = "/autograder/results/results.json",
      descriptionKey = "grade.gradescopeResults")
  Path gradescopeResults;

  @Option(names = "--junit", paramLabel = "FILE", descriptionKey = "grade.junit")
  Path junit;

  @Option(names = "--hide-expected", descriptionKey = "grade.hideExpected")
  boolean hideExpected;

  @Option(names = "--time-limit", paramLabel = "DURATION", defaultValue = "30s", descriptionKey = "grade.timeLimit")
  String timeLimit;

  @Option(names = {"-j", "--threads"}, paramLabel = "N", descriptionKey = "grade.threads")
  Integer threads;

  @Mixin OutputMixin format;

  @Override
  public Integer call() throws IOException {
    if (threads != null && threads < 1) {
      throw new ParameterException(spec.commandLine(), Messages.get("error.threads", threads));
    }
    Duration limit = duration(timeLimit);
    if (!gradescope && submissions == null) {
      throw new ParameterException(spec.commandLine(), Messages.get("grade.error.noSubmissions"));
    }
    AnswerKey key;
    try (InputStream in = Files.newInputStream(keyFile)) {
      key = AnswerKeyJson.read(in, keyFile.toString());
    } catch (AnswerKeyException e) {
      spec.commandLine().getErr().println(Messages.get("grade.error.key", e.getMessage()));
      spec.commandLine().getErr().flush();
      return ExitCodes.USAGE;
    }
    GradingOptions options = GradingOptions.defaults().withTimeLimit(limit);
    if (threads != null) {
      options = options.withThreads(threads);
    }
    Map<String, String> texts = new LinkedHashMap<>();
    for (KeyQuestion q : key.questions()) {
      texts.put(q.id(), q.text());
    }
    if (gradescope) {
      return gradescope(key, options, texts);
    }
    if (!Files.isDirectory(submissions)) {
      if (!Files.exists(submissions)) {
        throw new NoSuchFileException(submissions.toString());
      }
      throw new ParameterException(spec.commandLine(), Messages.get("grade.error.notFolder", submissions));
    }
    Path out = output.toAbsolutePath().normalize();
    ClassResult result = Grader.gradeAll(key, submissions, options.skipping(out));
    writeOutputs(result, texts, out);
    if (junit != null) {
      try (OutputStream o = create(junit)) {
        JUnitReport.write(result, GradeRenderer.texts(hideExpected), o);
      }
    }
    GradeRenderer.render(result, format.format, GradeRenderer.texts(hideExpected), spec.commandLine().getOut());
    var err = spec.commandLine().getErr();
    err.println(Messages.get("grade.wrote", result.students().size(), out));
    if (junit != null) {
      err.println(Messages.get("grade.wroteJunit", junit));
    }
    err.flush();
    return ExitCodes.OK;
  }

  private Integer gradescope(AnswerKey key, GradingOptions options, Map<String, String> texts) throws IOException {
    StudentResult s = Grader.grade(key, gradescopeSubmission, options);
    try (OutputStream o = create(gradescopeResults)) {
      GradescopeResults.write(s, texts, GradeRenderer.texts(hideExpected), o);
    }
    ClassResult c = Grader.summarise(key, List.of(s));
    if (spec.commandLine().getParseResult().hasMatchedOption("--output")) {
      writeOutputs(c, texts, output.toAbsolutePath().normalize());
    }
    if (junit != null) {
      try (OutputStream o = create(junit)) {
        JUnitReport.write(c, GradeRenderer.texts(hideExpected), o);
      }
    }
    var err = spec.commandLine().getErr();
    err.println(Messages.get("grade.wroteGradescope", gradescopeResults, GradeRenderer.points(s.total()),
        GradeRenderer.points(s.max())));
    err.flush();
    return ExitCodes.OK;
  }

  private void writeOutputs(ClassResult c, Map<String, String> texts, Path out) throws IOException {
    Path feedback = Files.createDirectories(out.resolve("feedback"));
    Set<String> used = new HashSet<>();
    for (StudentResult s : c.students()) {
      String base = fileName(s.student(), used);
      try (OutputStream o = create(feedback.resolve(base + ".md"))) {
        o.write(GradeRenderer.markdown(c, s, texts, GradeRenderer.texts(hideExpected)).getBytes(StandardCharsets.UTF_8));
      }
      try (OutputStream o = create(feedback.resolve(base + ".html"))) {
        GradeRenderer.html(c, s, texts, GradeRenderer.texts(hideExpected), o);
      }
    }
    try (Writer w = new OutputStreamWriter(create(out.resolve("gradebook.csv")), StandardCharsets.UTF_8)) {
      Gradebook.write(c, w);
    }
    try (OutputStream o = create(out.resolve("summary.md"))) {
      o.write(GradeRenderer.summaryMarkdown(c).getBytes(StandardCharsets.UTF_8));
    }
  }

  /** A file name for a student: letters, digits, '.', '_' and '-' kept, the rest '_'; unique ignoring case. */
  static String fileName(String student, Set<String> used) {
    String base = student.replaceAll("[^A-Za-z0-9._-]", "_");
    if (base.isEmpty() || base.startsWith(".")) {
      base = "_" + base;
    }
    if (base.length() > 100) {
      base = base.substring(0, 100);
    }
    String name = base;
    for (int i = 2; !used.add(name.toLowerCase(Locale.ROOT)); i++) {
      name = base + "-" + i;
    }
    return name;
  }

  /** Creates or replaces a file; an existing link in its place is not followed. */
  private static OutputStream create(Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    return Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
        StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
  }

  private Duration duration(String s) {
    String t = s.strip().toLowerCase(Locale.ROOT);
    Duration d = null;
    try {
      if (t.matches("\\d+ms")) {
        d = Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
      } else if (t.matches("\\d+s")) {
        d = Duration.ofSeconds(Long.parseLong(t.substring(0, t.length() - 1)));
      } else if (t.matches("\\d+m(in)?")) {
        d = Duration.ofMinutes(Long.parseLong(t.replaceAll("m(in)?$", "")));
      } else if (t.startsWith("pt")) {
        d = Duration.parse(t);
      }
    } catch (RuntimeException e) {
      d = null;
    }
    if (d == null || d.isNegative() || d.isZero()) {
      throw new ParameterException(spec.commandLine(), Messages.get("grade.error.timeLimit", s));
    }
    return d;
  }
}
