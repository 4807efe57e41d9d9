package dev.forensics.hash.internal;

import dev.forensics.hash.Digest;
import dev.forensics.hash.HashAlgorithm;
import dev.forensics.hash.ManifestEntry;
import dev.forensics.hash.ManifestFormat;
import dev.forensics.hash.ManifestInfo;
import dev.forensics.hash.ManifestReadResult;
import dev.forensics.hash.ManifestWriter;
import dev.forensics.hash.UnwritableEntryException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Tagged checksum lines {@code SHA256 (NAME) = HEX} as {@code cksum --tag}, {@code sha256sum --tag} and
 * {@code b3sum --tag} write them, one line per algorithm and file, with coreutils' escaping. Lines of the
 * same name become one entry. The name is everything up to the last {@code ") = "}, as coreutils reads it.
 */
final class BsdCodec {

  private static final Pattern LINE = Pattern.compile("(\\\\)?([A-Za-z0-9][A-Za-z0-9-]*) \\((.*)\\) = (\\S*)", Pattern.DOTALL);

  private BsdCodec() {}

  static ManifestWriter writer(OutputStream out, ManifestInfo info) {
    return new BsdWriter(out, info.algorithms());
  }

  private static final class BsdWriter extends OrderedWriter {
    private final Utf8Text w;
    private final List<HashAlgorithm> algorithms;

    BsdWriter(OutputStream out, List<HashAlgorithm> algorithms) {
      this.w = new Utf8Text(out);
      this.algorithms = algorithms;
    }

    @Override
    void writeEntry(ManifestEntry e) throws IOException {
      boolean escape = Coreutils.needsEscape(e.path());
      String name = escape ? Coreutils.escape(e.path()) : e.path();
      StringBuilder b = new StringBuilder();
      for (HashAlgorithm a : algorithms) {
        Optional<Digest> d = e.digests().get(a);
        if (d.isPresent()) {
          b.append(escape ? "\\" : "").append(a.tag()).append(" (").append(name).append(") = ")
              .append(d.get().hex()).append('\n');
        }
      }
      if (b.length() == 0) {
        throw new UnwritableEntryException("cannot write " + Values.show(e.path()) + " as tagged checksum lines: it has none"
            + " of the manifest's digests (" + algorithms.stream().map(HashAlgorithm::id)
                .collect(Collectors.joining(", ")) + ")");
      }
      w.write(b.toString());
    }

    @Override
    void finish() throws IOException {
      w.flush();
    }
  }

  /** Whether a line has the shape of a tagged checksum line. */
  static boolean isTaggedLine(String line) {
    return LINE.matcher(line).matches();
  }

  static ManifestReadResult read(InputStream in, String source) throws IOException {
    ManifestAssembler a = new ManifestAssembler(source);
    DigestGroups groups = new DigestGroups(a);
    LineReader lines = new LineReader(in);
    LineReader.Line l;
    while ((l = lines.next()) != null) {
      if (!l.ok()) {
        a.problem(l.number(), l.error());
      } else if (!l.isBlank()) {
        try {
          parse(l.text(), groups, l.number());
        } catch (RecordException e) {
          a.problem(l.number(), e.getMessage());
        }
      }
    }
    groups.finish();
    return a.result(ManifestFormat.BSD, a.algorithmsSeenOr(List.of(HashAlgorithm.SHA256)), 0, null, null, null, null);
  }

  private static void parse(String text, DigestGroups groups, long line) throws RecordException {
    Matcher m = LINE.matcher(text);
    if (!m.matches()) {
      throw new RecordException("expected a tagged checksum line 'TAG (NAME) = HEX'");
    }
    Optional<HashAlgorithm> alg = HashAlgorithm.lookup(m.group(2));
    if (alg.isEmpty()) {
      throw new RecordException("unsupported algorithm tag " + Values.show(m.group(2)) + " (supported: "
          + Arrays.stream(HashAlgorithm.values()).map(HashAlgorithm::tag).collect(Collectors.joining(", ")) + ")");
    }
    String raw = m.group(3);
    String name = m.group(1) != null ? Coreutils.unescape(raw) : raw;
    Values.path(name, "file name");
    groups.add(name, Values.digest(alg.get(), m.group(4), "digest column"), line);
  }
}
