package dev.forensics.exercise;

import dev.forensics.exercise.files.ContentSource;
import dev.forensics.exercise.files.Draw;
import dev.forensics.exercise.files.EncryptedContainer;
import dev.forensics.exercise.files.FileGenerators;
import dev.forensics.exercise.files.FileKind;
import dev.forensics.exercise.files.GeneratedFile;
import dev.forensics.exercise.files.Planted;
import dev.forensics.exercise.files.Plants;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Plans the evidence of one exercise variant in memory: every file (background and planted, live and
 * deleted) with its path, bytes and times, the data for unallocated space, the notable hash sets and
 * seizure manifests, and a draft of each planted artifact for the answer key. All content comes from the
 * variant's seed through {@link ContentSource}; labels are stable ({@code background/G/N},
 * {@code artifact/ID/...}), so adding a file changes no other file.
 */
final class EvidenceGenerator {

  /** The times a file carries. */
  record Stamp(Instant created, Instant modified, Instant accessed) {}

  /** One file of the evidence (live in the folder and image, or deleted: image only). */
  record Item(String path, byte[] content, Stamp times, Optional<FileType> type, boolean deleted, boolean hidden,
      byte[] slack, String origin) {}

  /** Bytes for unallocated clusters, of one artifact. */
  record Unallocated(String artifactId, byte[] data) {}

  /** A file listed in a notable hash set or a seizure manifest: its name there and the bytes hashed. */
  record Listed(String name, byte[] content) {}

  /** What an artifact became, for the answer key; disk-image ranges are added once the image is written. */
  static final class Draft {
    final Artifact artifact;
    final List<String> paths = new ArrayList<>();
    Optional<FileType> type = Optional.empty();
    byte[] content = new byte[0];
    final List<ByteRange> ranges = new ArrayList<>();
    Optional<String> secret = Optional.empty();
    FileTimes stored = FileTimes.NONE;
    String finding;

    Draft(Artifact artifact) {
      this.artifact = artifact;
    }
  }

  /** The whole plan. */
  record Plan(List<Item> items, List<Draft> drafts, List<Unallocated> unallocated,
      Map<String, List<Listed>> hashSets, Map<String, List<Listed>> seizureManifests) {}

  private final Scenario scenario;
  private final ContentSource source;
  private final boolean image;
  private final ZoneOffset imageZone;
  private final int clusterSize;
  private final List<Item> items = new ArrayList<>();
  private final Map<String, Draft> drafts = new LinkedHashMap<>();
  private final List<Unallocated> unallocated = new ArrayList<>();
  private final Map<String, List<Listed>> hashSets = new TreeMap<>();
  private final Map<String, Map<String, byte[]>> originals = new TreeMap<>();

  /**
   * @param clusterSize the disk image's cluster size in bytes (0 without an image): slack text must fit
   */
  EvidenceGenerator(Scenario scenario, long seed, ZoneOffset imageZone, int clusterSize) {
    this.scenario = scenario;
    this.source = ContentSource.of(seed);
    this.image = scenario.evidence().diskImage().isPresent();
    this.imageZone = imageZone;
    this.clusterSize = clusterSize;
  }

  Plan plan() throws BuildException {
    try {
      background();
      for (Artifact a : scenario.artifacts()) {
        if (!(a instanceof Artifact.Duplicate)) {
          artifact(a);
        }
      }
      for (Artifact a : scenario.artifacts()) {
        if (a instanceof Artifact.Duplicate d) {
          duplicate(d);
        }
      }
    } catch (IOException e) {
      throw new BuildException("generating the evidence failed: " + e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw new BuildException(e.getMessage(), e);
    }
    checkPaths();
    Map<String, List<Listed>> manifests = new TreeMap<>();
    for (Map.Entry<String, Map<String, byte[]>> m : originals.entrySet()) {
      List<Listed> listed = new ArrayList<>();
      for (Item it : items) {
        if (!it.deleted()) {
          listed.add(new Listed(it.path(), m.getValue().getOrDefault(it.path(), it.content())));
        }
      }
      manifests.put(m.getKey(), listed);
    }
    return new Plan(List.copyOf(items), List.copyOf(drafts.values()), List.copyOf(unallocated), hashSets, manifests);
  }

  // ------------------------------------------------------------------ background

  private void background() throws IOException, BuildException {
    List<BackgroundFiles> groups = scenario.background();
    for (int g = 0; g < groups.size(); g++) {
      BackgroundFiles group = groups.get(g);
      for (int n = 1; n <= group.count(); n++) {
        String label = "background/" + g + "/" + n;
        Draw d = source.draw(label + "/name");
        Instant t = drawTime(d);
        String word = d.word();
        LocalDate date = t.atZone(scenario.info().timeZone()).toLocalDate();
        String folder = group.folder().render(n, word, date);
        String name = group.name().render(n, word, date);
        String path = folder.isEmpty() ? name : folder + "/" + name;
        String what = "background " + group.type().id() + " file " + n + " of group " + (g + 1);
        try {
          Paths.requireRelativePath(path, "path");
        } catch (IllegalArgumentException e) {
          throw new BuildException(what + ": the generated path " + e.getMessage());
        }
        byte[] content = generate(group.type(), label, t).content();
        items.add(new Item(path, content, new Stamp(t, t, t), Optional.of(group.type()), false, false, new byte[0], what));
      }
    }
  }

  // ------------------------------------------------------------------ artifacts

  private void artifact(Artifact a) throws IOException, BuildException {
    Draft draft = new Draft(a);
    drafts.put(a.id(), draft);
    String label = "artifact/" + a.id();
    Draw d = source.draw(label);
    Stamp stamp = stamp(a.times(), source.draw(label + "/times"));
    draft.stored = stored(a.times(), stamp);
    String origin = "artifact '" + a.id() + "'";
    if (a instanceof Artifact.PlainFile f) {
      Carried c = carry(a.id(), f.type(), label + "/content", stamp.modified(), f.text(), d);
      live(draft, f.path(), c.content, stamp, Optional.of(f.type()), false, origin);
      c.apply(draft, 0);
      draft.finding = "The planted " + f.type().id() + " file " + f.path() + ".";
    } else if (a instanceof Artifact.Renamed r) {
      byte[] content = generate(r.type(), label + "/content", stamp.modified()).content();
      live(draft, r.path(), content, stamp, Optional.of(r.type()), false, origin);
      draft.finding = r.path() + " is a " + r.type().id() + " file whose name hides its type.";
    } else if (a instanceof Artifact.Hidden h) {
      Carried c = carry(a.id(), h.type(), label + "/content", stamp.modified(), h.text(), d);
      live(draft, h.path(), c.content, stamp, Optional.of(h.type()), h.hiding() == Artifact.Hiding.DOTFILE, origin);
      c.apply(draft, 0);
      draft.finding = "The " + h.type().id() + " file " + h.path() + ", hidden by " + h.hiding().id() + ".";
    } else if (a instanceof Artifact.AppendedData ad) {
      GeneratedFile carrier = generate(ad.carrier(), label + "/carrier", stamp.modified());
      Carried payload = carry(a.id(), ad.payload(), label + "/payload", stamp.modified(), ad.text(), d);
      Planted p = Plants.appendAfterEnd(carrier, payload.content, "appended " + ad.payload().id());
      byte[] content = p.file().content();
      live(draft, ad.path(), content, stamp, Optional.of(ad.carrier()), false, origin);
      draft.ranges.add(new ByteRange(ByteRange.Within.FILE, p.plant().offset(), p.plant().length(),
          ad.payload().id() + " data appended after the " + ad.carrier().id() + " end"));
      payload.apply(draft, p.plant().offset());
      draft.finding = ad.path() + " carries " + ad.payload().id() + " data after the end of the picture, from offset "
          + p.plant().offset() + ".";
    } else if (a instanceof Artifact.EmbeddedArchive e) {
      GeneratedFile carrier = generate(e.carrier(), label + "/carrier", stamp.modified());
      Map<String, byte[]> members = new LinkedHashMap<>();
      for (String entry : e.entries()) {
        FileType t = typeOfName(Paths.fileName(entry));
        members.put(entry, generate(t, label + "/entry/" + entry, stamp.modified()).content());
      }
      GeneratedFile zip = FileGenerators.zipOf(label + "/zip", members, stamp.modified());
      Planted p = Plants.appendZip(carrier, zip);
      live(draft, e.path(), p.file().content(), stamp, Optional.of(e.carrier()), false, origin);
      draft.ranges.add(new ByteRange(ByteRange.Within.FILE, p.plant().offset(), p.plant().length(),
          "zip archive (" + String.join(", ", e.entries()) + ")"));
      draft.finding = e.path() + " has a ZIP archive with " + String.join(", ", e.entries()) + " after the end of the picture, from offset "
          + p.plant().offset() + ".";
    } else if (a instanceof Artifact.EncryptedContainer c) {
      EncryptedContainer blob = EncryptedContainer.generate(source, label + "/container", (int) c.sizeBytes(), stamp.modified());
      live(draft, c.path(), blob.file().content(), stamp, Optional.empty(), false, origin);
      HexFormat hex = HexFormat.of();
      draft.secret = Optional.of(EncryptedContainer.CIPHER + " key " + hex.formatHex(blob.key()) + " iv " + hex.formatHex(blob.iv()));
      draft.finding = c.path() + " is " + c.sizeBytes() + " bytes of high-entropy data with no header: an encrypted container.";
    } else if (a instanceof Artifact.KnownBad k) {
      byte[] content = generate(k.type(), label + "/content", stamp.modified()).content();
      live(draft, k.path(), content, stamp, Optional.of(k.type()), false, origin);
      hashSets.computeIfAbsent(k.hashSet(), x -> new ArrayList<>()).add(new Listed(Paths.fileName(k.path()), content));
      draft.finding = k.path() + " is listed in the notable hash set " + k.hashSet() + ".";
    } else if (a instanceof Artifact.Altered al) {
      byte[] original = generate(al.type(), label + "/content", stamp.modified()).content();
      byte[] altered = generate(al.type(), label + "/altered", stamp.modified()).content();
      live(draft, al.path(), altered, stamp, Optional.of(al.type()), false, origin);
      originals.computeIfAbsent(al.manifest(), x -> new TreeMap<>()).put(al.path(), original);
      draft.finding = al.path() + " no longer matches the seizure manifest " + al.manifest()
          + ": it was changed after the evidence was hashed.";
    } else if (a instanceof Artifact.DeletedFile df) {
      Carried c = carry(a.id(), df.type(), label + "/content", stamp.modified(), df.text(), d);
      draft.paths.add(df.path());
      draft.type = Optional.of(df.type());
      draft.content = c.content;
      items.add(new Item(df.path(), c.content, stamp, Optional.of(df.type()), true, false, new byte[0], origin));
      c.apply(draft, 0);
      draft.finding = "The deleted " + df.type().id() + " file " + df.path() + ", recoverable from the disk image.";
    } else if (a instanceof Artifact.SlackData sd) {
      String text = sd.text().orElseGet(() -> drawSecret(d));
      byte[] slack = text.getBytes(StandardCharsets.UTF_8);
      byte[] host = slackHost(sd, label, stamp.modified(), slack.length);
      draft.paths.add(sd.path());
      draft.type = Optional.of(sd.type());
      draft.content = host;
      draft.secret = Optional.of(text);
      items.add(new Item(sd.path(), host, stamp, Optional.of(sd.type()), false, false, slack, origin));
      draft.finding = "Text in the file slack after the end of " + sd.path() + ".";
    } else if (a instanceof Artifact.UnallocatedData u) {
      Carried c = carry(a.id(), u.type(), label + "/content", scenario.info().timeWindow().start(), u.text(), d);
      draft.type = Optional.of(u.type());
      draft.content = c.content;
      c.apply(draft, -1);
      unallocated.add(new Unallocated(a.id(), c.content));
      draft.finding = "A " + u.type().id() + " file in unallocated space, found only by carving.";
    } else {
      throw new IllegalStateException("unplanned artifact kind " + a.kind());
    }
    a.finding().ifPresent(f -> draft.finding = f);
  }

  private void duplicate(Artifact.Duplicate dup) {
    Draft draft = new Draft(dup);
    drafts.put(dup.id(), draft);
    Draft of = drafts.get(dup.of());
    Stamp stamp = stamp(dup.times(), source.draw("artifact/" + dup.id() + "/times"));
    draft.stored = stored(dup.times(), stamp);
    for (String p : dup.copies()) {
      live(draft, p, of.content, stamp, of.type, false, "artifact '" + dup.id() + "'");
    }
    draft.secret = of.secret;
    draft.finding = dup.finding().orElse("Exact copies of " + String.join(", ", of.paths.isEmpty() ? List.of(dup.of()) : of.paths)
        + " under other names: " + String.join(", ", dup.copies()) + ".");
  }

  private void live(Draft draft, String path, byte[] content, Stamp stamp, Optional<FileType> type, boolean hidden,
      String origin) {
    draft.paths.add(path);
    draft.type = type;
    draft.content = content;
    items.add(new Item(path, content, stamp, type, false, hidden, new byte[0], origin));
  }

  /** A host file for slack text: regenerated under a numbered label until the text fits its last cluster. */
  private byte[] slackHost(Artifact.SlackData sd, String label, Instant t, int needed) throws IOException, BuildException {
    for (int attempt = 0; attempt < 64; attempt++) {
      String l = label + "/host" + (attempt == 0 ? "" : "/" + attempt);
      byte[] host = generate(sd.type(), l, t).content();
      int tail = host.length % clusterSize;
      int room = host.length == 0 || tail == 0 ? 0 : clusterSize - tail;
      if (room >= needed) {
        return host;
      }
    }
    throw new BuildException("artifact '" + sd.id() + "': no " + sd.type().id() + " host file leaves room for "
        + needed + " bytes of slack in a " + clusterSize + "-byte cluster; use a shorter text");
  }

  // ------------------------------------------------------------------ content with a secret

  /** Content of a type carrying a secret text, and where the secret lies in it. */
  private static final class Carried {
    final byte[] content;
    final Optional<String> secret;
    final long offset;
    final long length;
    final String what;

    Carried(byte[] content, Optional<String> secret, long offset, long length, String what) {
      this.content = content;
      this.secret = secret;
      this.offset = offset;
      this.length = length;
      this.what = what;
    }

    /** Records the secret; {@code base} is where the content starts in the file (-1: not in a file). */
    void apply(Draft draft, long base) {
      if (secret.isPresent()) {
        draft.secret = secret;
        if (base >= 0) {
          draft.ranges.add(new ByteRange(ByteRange.Within.FILE, base + offset, length, what));
        }
      }
    }
  }

  private Carried carry(String id, FileType type, String label, Instant t, Optional<String> chosen, Draw d)
      throws IOException, BuildException {
    GeneratedFile f = generate(type, label, t);
    String secret = chosen.orElseGet(() -> drawSecret(d));
    byte[] s = secret.getBytes(StandardCharsets.UTF_8);
    byte[] base = f.content();
    switch (type) {
      case TEXT -> {
        if (chosen.isPresent()) {
          return new Carried(concat(s, "\n".getBytes(StandardCharsets.US_ASCII)), Optional.of(secret), 0, s.length, "text");
        }
        return new Carried(concat(base, s, "\n".getBytes(StandardCharsets.US_ASCII)), Optional.of(secret),
            base.length, s.length, "secret text");
      }
      case CSV, EML -> {
        return new Carried(concat(base, s, "\r\n".getBytes(StandardCharsets.US_ASCII)), Optional.of(secret),
            base.length, s.length, "secret text");
      }
      case HTML -> {
        String html = new String(base, StandardCharsets.UTF_8);
        String escaped = secret.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        int at = html.lastIndexOf("</body>");
        if (at < 0) {
          at = html.length();
        }
        String before = html.substring(0, at) + "<p>";
        String out = before + escaped + "</p>\n" + html.substring(at);
        int off = before.getBytes(StandardCharsets.UTF_8).length;
        return new Carried(out.getBytes(StandardCharsets.UTF_8), Optional.of(secret), off,
            escaped.getBytes(StandardCharsets.UTF_8).length, "secret text");
      }
      case JPEG -> {
        Planted p = Plants.embedInJpegComment(f, s, "JPEG comment");
        return new Carried(p.file().content(), Optional.of(secret), p.plant().offset(), p.plant().length(),
            "secret text in a JPEG comment");
      }
      default -> {
        if (chosen.isPresent()) {
          throw new BuildException("artifact '" + id + "': a " + type.id()
              + " file cannot carry a text; use type text, csv, html, eml or jpeg, or leave out text");
        }
        return new Carried(base, Optional.empty(), 0, 0, "none");
      }
    }
  }

  private static String drawSecret(Draw d) {
    Draw s = d.child("secret");
    return s.word() + "-" + s.word() + "-" + s.between(1000, 9999);
  }

  // ------------------------------------------------------------------ helpers

  private GeneratedFile generate(FileType type, String label, Instant t) throws IOException {
    return FileGenerators.generate(source, FileKind.valueOf(type.name()), label, t);
  }

  private static FileType typeOfName(String name) {
    for (FileType t : FileType.values()) {
      if (t.matchesName(name)) {
        return t;
      }
    }
    return FileType.TEXT;
  }

  private Instant drawTime(Draw d) {
    TimeWindow w = scenario.info().timeWindow();
    long seconds = w.end().getEpochSecond() - w.start().getEpochSecond();
    long offset = (long) Math.floor(d.nextDouble() * (seconds + 1));
    return even(Instant.ofEpochSecond(w.start().getEpochSecond() + Math.min(offset, seconds)));
  }

  /** Rounded down to an even second, as FAT stores modification times. */
  private static Instant even(Instant t) {
    long s = t.getEpochSecond();
    return Instant.ofEpochSecond(s - Math.floorMod(s, 2));
  }

  private Stamp stamp(FileTimes chosen, Draw d) {
    Instant modified = chosen.modified().orElseGet(() -> drawTime(d));
    if (image) {
      modified = even(modified);
    }
    Instant m = modified;
    return new Stamp(chosen.created().orElse(m), m, chosen.accessed().orElse(m));
  }

  /** The times as the evidence stores them, for the answer key: modified always, the others when chosen. */
  private FileTimes stored(FileTimes chosen, Stamp s) {
    if (!image) {
      return new FileTimes(Optional.of(s.modified()), chosen.accessed(), chosen.created());
    }
    Optional<Instant> created = chosen.created().map(c -> c.truncatedTo(ChronoUnit.MILLIS)
        .minusMillis(c.truncatedTo(ChronoUnit.MILLIS).toEpochMilli() % 10));
    Optional<Instant> accessed = chosen.accessed().map(a -> a.atOffset(imageZone).toLocalDate()
        .atStartOfDay().toInstant(imageZone));
    return new FileTimes(Optional.of(s.modified()), accessed, created);
  }

  private void checkPaths() throws BuildException {
    Map<String, Item> files = new HashMap<>();
    for (Item it : items) {
      Item prev = files.putIfAbsent(it.path().toLowerCase(Locale.ROOT), it);
      if (prev != null) {
        throw new BuildException("two files at path '" + it.path() + "' (names compared ignoring case): "
            + prev.origin() + " and " + it.origin());
      }
    }
    for (Item it : items) {
      String p = it.path().toLowerCase(Locale.ROOT);
      for (int i = p.indexOf('/'); i >= 0; i = p.indexOf('/', i + 1)) {
        Item file = files.get(p.substring(0, i));
        if (file != null) {
          throw new BuildException("'" + file.path() + "' of " + file.origin() + " is a file, but " + it.origin()
              + " needs it as a folder for '" + it.path() + "'");
        }
      }
    }
  }

  private static byte[] concat(byte[]... parts) {
    int n = 0;
    for (byte[] p : parts) {
      n += p.length;
    }
    byte[] out = new byte[n];
    int at = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, out, at, p.length);
      at += p.length;
    }
    return out;
  }
}
