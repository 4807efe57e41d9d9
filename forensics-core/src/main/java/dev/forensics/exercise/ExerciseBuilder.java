package dev.forensics.exercise;

import dev.forensics.custody.CustodyEvent;
import dev.forensics.custody.CustodyViolationException;
import dev.forensics.custody.EventType;
import dev.forensics.custody.Ledger;
import dev.forensics.custody.SigningKey;
import dev.forensics.exercise.fat.FatAttribute;
import dev.forensics.exercise.fat.FatImageReport;
import dev.forensics.exercise.fat.FatImageWriter;
import dev.forensics.exercise.fat.FatTimes;
import dev.forensics.exercise.fat.FatVolume;
import dev.forensics.exercise.fat.InvalidFatVolumeException;
import dev.forensics.exercise.fat.PlantedEntry;
import dev.forensics.exercise.files.ContentSource;
import dev.forensics.hash.Digest;
import dev.forensics.hash.DigestSet;
import dev.forensics.hash.EvidenceHasher;
import dev.forensics.hash.FileOutcome;
import dev.forensics.hash.HashAlgorithm;
import dev.forensics.hash.Manifest;
import dev.forensics.hash.ManifestEntry;
import dev.forensics.hash.ManifestFormat;
import dev.forensics.hash.ManifestInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns a {@link Scenario} (and a variant) into an exercise set in an output folder: the evidence folder
 * and/or FAT disk image with every planted artifact, {@code answer-key.json}, {@code handout.md},
 * {@code answer-sheet.yaml}, the notable hash sets and seizure manifests the scenario asks for,
 * {@code MANIFEST} (hashdeep, MD5 and SHA-256 of every file of the set) and {@code custody.jsonl}, a
 * custody ledger in which the trainer registers the set as exhibits.
 *
 * <p>The output is a function of the scenario, its seed and the variant: the same three give the same
 * bytes in every file on any machine (no clock, host or user name is read; file times come from the
 * scenario; ZIP entries carry scenario times; the ledger is dated at the end of the scenario's time window
 * and signed with Ed25519, which is deterministic). Nothing is written outside the output folder, and a
 * folder that is not empty is refused unless {@link Options#force()}.
 */
public final class ExerciseBuilder {

  /** The hash list of the whole set. */
  public static final String MANIFEST = "MANIFEST";
  /** The trainer's custody ledger. */
  public static final String LEDGER = "custody.jsonl";
  /** The custodian name of the trainer in the ledger. */
  public static final String TRAINER = "trainer";
  /** Algorithms of {@code MANIFEST} and seizure manifests (hashdeep's default columns). */
  public static final List<HashAlgorithm> MANIFEST_ALGORITHMS = List.of(HashAlgorithm.MD5, HashAlgorithm.SHA256);
  /** Algorithms of artifacts, the disk image and notable hash sets. */
  public static final List<HashAlgorithm> KEY_ALGORITHMS =
      List.of(HashAlgorithm.MD5, HashAlgorithm.SHA1, HashAlgorithm.SHA256);

  private ExerciseBuilder() {}

  /**
   * How to build.
   *
   * @param force replace what an earlier build wrote in a non-empty output folder
   * @param trainerKey the trainer's signing key for the ledger; empty for the training key derived from
   *     the seed (see docs/trainers.md), which anyone with the scenario can derive: fine for a class, not
   *     for real evidence
   */
  public record Options(boolean force, Optional<SigningKey> trainerKey) {
    public Options {
      Objects.requireNonNull(trainerKey, "trainerKey");
    }

    /** No force, the derived training key. */
    public static Options defaults() {
      return new Options(false, Optional.empty());
    }
  }

  /**
   * Builds one set into {@code out}.
   *
   * @param variant the variant, or empty for the scenario's own seed
   * @param studentName printed on the handout when the set is for one student
   * @throws BuildException when the scenario cannot be built or the folder may not be written
   */
  public static ExerciseSet build(Scenario scenario, Optional<Variant> variant, Optional<String> studentName, Path out,
      Options options) throws IOException, BuildException {
    Objects.requireNonNull(scenario, "scenario");
    Objects.requireNonNull(variant, "variant");
    Objects.requireNonNull(studentName, "studentName");
    List<String> names = outputNames(scenario);
    OutputFolder folder = OutputFolder.prepare(out, options.force(), names);
    try {
      return new Run(scenario, variant, studentName, folder, options).run();
    } catch (IOException | BuildException | RuntimeException e) {
      folder.discard(names, e); // what this build wrote: nothing half-made is left behind
      throw e;
    }
  }

  /**
   * Builds one set per student of a roster, each in the folder {@code out/STUDENT-ID} with the student's
   * variant, name and (without a given trainer key) its own training key.
   */
  public static List<ExerciseSet> buildRoster(Scenario scenario, Roster roster, Path out, Options options)
      throws IOException, BuildException {
    List<String> ids = roster.students().stream().map(Roster.Student::id).toList();
    OutputFolder folder = OutputFolder.prepare(out, options.force(), ids);
    List<ExerciseSet> sets = new ArrayList<>();
    for (Roster.Student s : roster.students()) {
      Path dir = folder.resolve(s.id());
      sets.add(build(scenario, Optional.of(Variant.student(s.id())), Optional.of(s.name()), dir,
          new Options(false, options.trainerKey())));
    }
    return sets;
  }

  /** Every top-level name the build of this scenario writes into the output folder, sorted. */
  public static List<String> outputNames(Scenario scenario) {
    Set<String> names = new TreeSet<>(ScenarioReader.OUTPUT_FILES);
    names.add(TrainingKeys.TEMPORARY);
    scenario.evidence().folder().ifPresent(names::add);
    scenario.evidence().diskImage().ifPresent(d -> names.add(d.fileName()));
    for (Artifact a : scenario.artifacts()) {
      if (a instanceof Artifact.KnownBad k) {
        names.add(k.hashSet());
      } else if (a instanceof Artifact.Altered al) {
        names.add(al.manifest());
      }
    }
    return List.copyOf(names);
  }

  /** One build. */
  private static final class Run {
    private final Scenario scenario;
    private final Optional<Variant> variant;
    private final Optional<String> studentName;
    private final OutputFolder out;
    private final Options options;
    private final long seed;
    private final ZoneOffset zone;
    private final Set<String> written = new LinkedHashSet<>();

    Run(Scenario scenario, Optional<Variant> variant, Optional<String> studentName, OutputFolder out, Options options) {
      this.scenario = scenario;
      this.variant = variant;
      this.studentName = studentName;
      this.out = out;
      this.options = options;
      long scenarioSeed = scenario.info().seed();
      this.seed = variant.map(v -> v.seed(scenarioSeed)).orElse(scenarioSeed);
      this.zone = scenario.info().timeZone().getRules().getOffset(scenario.info().timeWindow().start());
    }

    ExerciseSet run() throws IOException, BuildException {
      Optional<DiskImageSpec> spec = scenario.evidence().diskImage();
      int clusterSize = 0;
      if (spec.isPresent()) {
        try {
          clusterSize = FatImageWriter.check(FatVolume.builder(fatType(spec.get()), spec.get().sizeBytes()).build())
              .clusterSize();
        } catch (InvalidFatVolumeException e) {
          throw new BuildException("disk image " + spec.get().fileName() + ": " + e.getMessage(), e);
        }
      }
      EvidenceGenerator.Plan plan = new EvidenceGenerator(scenario, seed, zone, clusterSize).plan();
      Map<String, EvidenceGenerator.Draft> drafts = new java.util.HashMap<>();
      plan.drafts().forEach(d -> drafts.put(d.artifact.id(), d));

      int files = 0;
      if (scenario.evidence().folder().isPresent()) {
        files = writeFolder(scenario.evidence().folder().get(), plan);
      }
      DigestSet imageHashes = DigestSet.empty();
      if (spec.isPresent()) {
        FatImageReport report = writeImage(spec.get(), plan);
        recordImageRanges(report, plan, drafts);
        imageHashes = digests(out.resolve(spec.get().fileName()));
        files = (int) plan.items().stream().filter(i -> !i.deleted()).count();
      }
      for (Map.Entry<String, List<EvidenceGenerator.Listed>> set : plan.hashSets().entrySet()) {
        writeList(set.getKey(), set.getValue(), KEY_ALGORITHMS);
      }
      for (Map.Entry<String, List<EvidenceGenerator.Listed>> m : plan.seizureManifests().entrySet()) {
        writeList(m.getKey(), m.getValue(), MANIFEST_ALGORITHMS);
      }

      EvidenceFacts facts = facts(plan, imageHashes);
      AnswerKey key;
      try {
        key = AnswerKey.resolve(scenario, variant, facts);
      } catch (IllegalArgumentException e) {
        throw new BuildException("answer key: " + e.getMessage(), e);
      }
      try (OutputStream o = create("answer-key.json")) {
        AnswerKeyJson.write(key, o);
      }
      writeText("handout.md", Handout.markdown(scenario, variant, studentName));
      writeText("answer-sheet.yaml", Handout.answerSheet(scenario, variant));
      List<ManifestEntry> manifest = writeManifest();
      String head = writeLedger(imageHashes, digests(out.resolve(MANIFEST)));
      return new ExerciseSet(out.root(), variant, seed, files, manifest.size(), imageHashes, head,
          options.trainerKey().isEmpty());
    }

    // ---------------------------------------------------------------- evidence

    private int writeFolder(String name, EvidenceGenerator.Plan plan) throws IOException, BuildException {
      int n = 0;
      for (EvidenceGenerator.Item it : plan.items()) {
        if (it.deleted()) {
          continue;
        }
        Path target = out.resolve(name + "/" + it.path());
        out.createParents(target);
        Files.write(target, it.content(), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        Files.getFileAttributeView(target, BasicFileAttributeView.class).setTimes(
            FileTime.from(it.times().modified()), FileTime.from(it.times().accessed()),
            FileTime.from(it.times().created()));
        n++;
      }
      written.add(name);
      return n;
    }

    private FatImageReport writeImage(DiskImageSpec spec, EvidenceGenerator.Plan plan) throws IOException, BuildException {
      Instant formatted = scenario.info().timeWindow().start();
      FatVolume.Builder b = FatVolume.builder(fatType(spec), spec.sizeBytes())
          .label(spec.label())
          .serial((int) ContentSource.of(seed).draw("disk-image/serial").nextLong())
          .zone(zone)
          .formatted(formatted);
      Set<String> dirs = new TreeSet<>();
      for (EvidenceGenerator.Item it : plan.items()) {
        String p = it.path();
        for (int i = p.indexOf('/'); i >= 0; i = p.indexOf('/', i + 1)) {
          dirs.add(p.substring(0, i));
        }
      }
      FatTimes dirTimes = FatTimes.at(formatted);
      for (String d : dirs) {
        b.directory(d, dirTimes);
      }
      for (EvidenceGenerator.Item it : plan.items()) {
        FatTimes t = new FatTimes(it.times().created(), it.times().modified(), it.times().accessed());
        FatAttribute[] attrs = it.hidden()
            ? new FatAttribute[] {FatAttribute.ARCHIVE, FatAttribute.HIDDEN}
            : new FatAttribute[] {FatAttribute.ARCHIVE};
        if (it.deleted()) {
          b.deletedFile(it.path(), it.content(), t, attrs);
        } else {
          b.file(it.path(), it.content(), t, attrs);
        }
        if (it.slack().length > 0) {
          b.slack(it.path(), it.slack());
        }
      }
      for (EvidenceGenerator.Unallocated u : plan.unallocated()) {
        b.unallocated(u.data());
      }
      Path image = out.resolve(spec.fileName());
      try {
        FatImageReport report = FatImageWriter.write(b.build(), image);
        written.add(spec.fileName());
        return report;
      } catch (InvalidFatVolumeException e) {
        throw new BuildException("disk image " + spec.fileName() + ": " + e.getMessage(), e);
      }
    }

    private static void recordImageRanges(FatImageReport report, EvidenceGenerator.Plan plan,
        Map<String, EvidenceGenerator.Draft> drafts) {
      int u = 0;
      for (EvidenceGenerator.Draft d : plan.drafts()) {
        Artifact a = d.artifact;
        if (a instanceof Artifact.DeletedFile df) {
          PlantedEntry e = report.entry(df.path()).orElseThrow();
          d.ranges.add(new ByteRange(ByteRange.Within.DISK_IMAGE, e.entryOffset(), 32,
              "directory entry marked deleted (0xE5), first cluster " + e.firstCluster()));
          for (dev.forensics.exercise.fat.ByteRange r : e.extents()) {
            d.ranges.add(new ByteRange(ByteRange.Within.DISK_IMAGE, r.offset(), r.length(), "deleted file data"));
          }
        } else if (a instanceof Artifact.SlackData sd) {
          report.slack().stream().filter(s -> s.path().equals(sd.path())).findFirst().ifPresent(s ->
              d.ranges.add(new ByteRange(ByteRange.Within.DISK_IMAGE, s.range().offset(), s.range().length(),
                  "file slack")));
        } else if (a instanceof Artifact.UnallocatedData ud) {
          var region = report.unallocated().get(u++);
          d.ranges.add(new ByteRange(ByteRange.Within.DISK_IMAGE, region.range().offset(), region.range().length(),
              "carvable " + ud.type().id() + " in unallocated clusters " + region.clusters().get(0) + "-"
                  + region.clusters().get(region.clusters().size() - 1)));
        }
      }
    }

    private static dev.forensics.exercise.fat.FatType fatType(DiskImageSpec spec) {
      return dev.forensics.exercise.fat.FatType.valueOf(spec.fat().name());
    }

    // ---------------------------------------------------------------- answer key facts

    private EvidenceFacts facts(EvidenceGenerator.Plan plan, DigestSet imageHashes) {
      Map<FileType, Long> byType = new EnumMap<>(FileType.class);
      for (FileType t : FileType.values()) {
        byType.put(t, 0L);
      }
      for (EvidenceGenerator.Item it : plan.items()) {
        if (!it.deleted()) {
          it.type().ifPresent(t -> byType.merge(t, 1L, Long::sum));
        }
      }
      List<PlantedArtifact> artifacts = new ArrayList<>();
      for (EvidenceGenerator.Draft d : plan.drafts()) {
        artifacts.add(new PlantedArtifact(d.artifact.id(), d.artifact.kind(), d.paths, d.type,
            Optional.of((long) d.content.length), digests(d.content, KEY_ALGORITHMS), d.ranges, d.secret, d.stored,
            d.finding));
      }
      // in scenario order, as the answer key lists them
      List<PlantedArtifact> ordered = new ArrayList<>();
      for (Artifact a : scenario.artifacts()) {
        artifacts.stream().filter(p -> p.id().equals(a.id())).findFirst().ifPresent(ordered::add);
      }
      return new EvidenceFacts(ordered, byType, imageHashes);
    }

    // ---------------------------------------------------------------- lists, manifest, ledger

    private void writeList(String name, List<EvidenceGenerator.Listed> listed, List<HashAlgorithm> algorithms)
        throws IOException, BuildException {
      List<ManifestEntry> entries = new ArrayList<>();
      for (EvidenceGenerator.Listed l : listed) {
        entries.add(ManifestEntry.of(l.name(), l.content().length, digests(l.content(), algorithms)));
      }
      try (OutputStream o = create(name)) {
        ManifestFormat.HASHDEEP.write(new Manifest(ManifestInfo.of(algorithms), entries), o);
      }
    }

    private List<ManifestEntry> writeManifest() throws IOException, BuildException {
      List<Path> inputs = new ArrayList<>();
      for (String name : written) {
        inputs.add(out.resolve(name));
      }
      EvidenceHasher hasher = EvidenceHasher.builder().algorithms(MANIFEST_ALGORITHMS).root(out.root()).threads(1)
          .build();
      List<ManifestEntry> entries = new ArrayList<>();
      for (FileOutcome o : hasher.hashAll(inputs)) {
        if (o.status().isProblem() || o.entry().isEmpty()) {
          throw new IOException(o.path() + ": " + o.detail());
        }
        ManifestEntry e = o.entry().get();
        entries.add(ManifestEntry.of(e.path(), e.size(), e.digests()));
      }
      try (OutputStream o = create(MANIFEST)) {
        ManifestFormat.HASHDEEP.write(new Manifest(ManifestInfo.of(MANIFEST_ALGORITHMS), entries), o);
      }
      return entries;
    }

    private String writeLedger(DigestSet imageHashes, DigestSet manifestHashes) throws IOException, BuildException {
      SigningKey key = options.trainerKey().isPresent()
          ? options.trainerKey().get()
          : TrainingKeys.trainer(seed, out);
      Instant at = scenario.info().timeWindow().end();
      Clock clock = Clock.fixed(at, ZoneOffset.UTC);
      String caseNumber = scenario.info().id() + variant.map(v -> " " + v.label()).orElse("");
      Path file = out.resolve(LEDGER);
      Ledger ledger = Ledger.create(file, caseNumber, Optional.of(scenario.info().title()), key, List.of(), clock);
      String location = "exercise set " + scenario.info().id();
      int n = 1;
      try {
        if (scenario.evidence().diskImage().isPresent()) {
          DiskImageSpec d = scenario.evidence().diskImage().get();
          ledger.append(CustodyEvent.of(EventType.REGISTER, "EX-" + n++, Map.of(
              "description", "disk image " + d.fileName() + " (" + d.fat().name() + ", " + d.sizeBytes()
                  + " bytes, volume label " + d.label() + ")",
              "location", location)).withHashes(imageHashes), key, null);
        }
        ledger.append(CustodyEvent.of(EventType.REGISTER, "EX-" + n, Map.of(
            "description", "the exercise set: every file listed with its hashes in " + MANIFEST
                + " (the hashes here are those of " + MANIFEST + ")",
            "location", location)).withHashes(manifestHashes), key, null);
      } catch (CustodyViolationException e) {
        throw new IllegalStateException("registering in a new ledger cannot break custody", e);
      }
      return ledger.head().toString();
    }

    // ---------------------------------------------------------------- files

    private OutputStream create(String name) throws IOException, BuildException {
      Path p = out.resolve(name);
      written.add(name);
      return Files.newOutputStream(p, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    }

    private void writeText(String name, String text) throws IOException, BuildException {
      try (OutputStream o = create(name)) {
        o.write(text.getBytes(StandardCharsets.UTF_8));
      }
    }
  }

  // ------------------------------------------------------------------ digests

  static DigestSet digests(byte[] data, List<HashAlgorithm> algorithms) {
    List<Digest> ds = new ArrayList<>();
    for (HashAlgorithm a : algorithms) {
      MessageDigest md = messageDigest(a);
      md.update(data);
      ds.add(new Digest(a, md.digest()));
    }
    return DigestSet.of(ds);
  }

  private static DigestSet digests(Path file) throws IOException {
    List<MessageDigest> mds = new ArrayList<>();
    for (HashAlgorithm a : KEY_ALGORITHMS) {
      mds.add(messageDigest(a));
    }
    byte[] buf = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(file)) {
      int n;
      while ((n = in.read(buf)) > 0) {
        for (MessageDigest md : mds) {
          md.update(buf, 0, n);
        }
      }
    }
    List<Digest> ds = new ArrayList<>();
    for (int i = 0; i < mds.size(); i++) {
      ds.add(new Digest(KEY_ALGORITHMS.get(i), mds.get(i).digest()));
    }
    return DigestSet.of(ds);
  }

  private static MessageDigest messageDigest(HashAlgorithm a) {
    String name = switch (a) {
      case MD5 -> "MD5";
      case SHA1 -> "SHA-1";
      case SHA256 -> "SHA-256";
      case SHA512 -> "SHA-512";
      case SHA3_256 -> "SHA3-256";
      case BLAKE3 -> throw new IllegalArgumentException("BLAKE3 is not a JDK digest");
    };
    try {
      return MessageDigest.getInstance(name);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(name + " is required by every Java platform", e);
    }
  }
}
