package dev.forensics.triage.internal;

import dev.forensics.triage.internal.MagicSignatures.Clause;
import dev.forensics.triage.internal.MagicSignatures.Match;
import dev.forensics.triage.internal.MagicSignatures.MinShouldMatch;
import dev.forensics.triage.internal.MagicSignatures.Signature;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import javax.xml.namespace.QName;
import org.apache.tika.detect.TextDetector;
import org.apache.tika.detect.XmlRootExtractor;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.mime.MimeType;
import org.apache.tika.mime.MimeTypeException;
import org.apache.tika.mime.MimeTypes;
import org.apache.tika.mime.MimeTypesFactory;
import org.apache.tika.mime.MimeTypesReader;

/**
 * Tells cheaply, for most first bytes that match none of tika-core's signatures (plain text, CSV, JSON,
 * logs, random data), that none matches, and then gives tika-core's answer for them: the answer of
 * {@code MimeTypes.detect} with no file name, which for bytes no signature matches is its text check
 * ({@code text/plain} or {@code application/octet-stream}).
 *
 * <p>From tika-core's own type table it derives, for each type with signatures, a condition that every
 * byte sequence its signatures match fulfils (the bytes a match needs somewhere in its offset range,
 * checked directly for short ranges and against the byte pairs present for long ones). Only the types
 * whose condition holds are then checked with tika-core's own {@link MimeType#matchesMagic(byte[])};
 * when none matches, no signature matches. A condition may hold where the signature does not match,
 * never the reverse, so the answer is always tika-core's.
 *
 * <p>It is turned off (every call says "ask tika-core") when the registry is not tika-core's default one,
 * when the default one may hold other signatures (a {@code custom-mimetypes.xml} on the class path or
 * the {@code tika.custom-mimetypes} property), or when the types with signatures read from the table
 * are not those of the registry. Thread-safe.
 */
public final class MagicPrefilter {

  /** tika-core's built-in table, where {@code MimeTypesFactory} finds it. */
  private static final String CORE_TABLE = "org/apache/tika/mime/tika-mimetypes.xml";
  private static final String CUSTOM_TABLE = "custom-mimetypes.xml";
  /**
   * Offset ranges narrower than this are checked position by position; up to {@link #DIRECT} wide, first
   * against the byte pairs present, then position by position; wider ones by the pairs present only.
   */
  private static final int SCAN = 8;
  private static final int DIRECT = 256;
  /** A pair of positions is checked against the pairs present when it allows at most this many pairs. */
  private static final int MAX_PAIRS = 64;

  private final MimeTypes types;
  private final List<Entry> entries;
  /** For each value of the first byte, the entries whose condition may hold with it. */
  private final Entry[][] byFirstByte;
  /** tika-core's types with XML root elements, in its order. */
  private final List<XmlType> xmlTypes;
  private final String disabled;
  /** One past the last byte that a wide range can look at: the span of the pair summary. */
  private final int span;
  /** tika-core's order among the signatures of types whose priorities tie. */
  private final MagicOrder order;

  /** A type with signatures and the condition every match of them fulfils. */
  private record Entry(MimeType type, Condition condition, int minPriority, int maxPriority) {}

  private MagicPrefilter(
      MimeTypes types, List<Entry> entries, List<XmlType> xmlTypes, String disabled, int span, MagicOrder order) {
    this.types = types;
    this.order = order;
    this.entries = List.copyOf(entries);
    this.xmlTypes = List.copyOf(xmlTypes);
    this.disabled = disabled;
    this.span = span;
    this.byFirstByte = new Entry[256][];
    List<long[]> firsts = new ArrayList<>(entries.size());
    for (Entry e : entries) {
      firsts.add(e.condition().firstBytes());
    }
    for (int v = 0; v < 256; v++) {
      List<Entry> list = new ArrayList<>();
      for (int i = 0; i < entries.size(); i++) {
        if ((firsts.get(i)[v >>> 6] & 1L << v) != 0) {
          list.add(entries.get(i));
        }
      }
      // highest priorities first, so that exactType can stop where no later type can come first
      list.sort(Comparator.comparingInt(Entry::maxPriority).reversed());
      byFirstByte[v] = list.toArray(new Entry[0]);
    }
  }

  private static final class Standard {
    static final MagicPrefilter INSTANCE = standardPrefilter();
  }

  /** The prefilter for {@link MimeTypes#getDefaultMimeTypes()}, made on first use. */
  public static MagicPrefilter standard() {
    return Standard.INSTANCE;
  }

  private static MagicPrefilter standardPrefilter() {
    MimeTypes types = MimeTypes.getDefaultMimeTypes();
    ClassLoader loader = MimeTypesReader.class.getClassLoader(); // where MimeTypesFactory looks
    try {
      if (System.getProperty(MimeTypesFactory.CUSTOM_MIMES_SYS_PROP) != null) {
        return off(types, "the property " + MimeTypesFactory.CUSTOM_MIMES_SYS_PROP + " names more types");
      }
      if (loader.getResources(CUSTOM_TABLE).hasMoreElements()) {
        return off(types, CUSTOM_TABLE + " is on the class path");
      }
      URL core = loader.getResource(CORE_TABLE);
      if (core == null) {
        return off(types, CORE_TABLE + " is not on the class path");
      }
      return of(types, core);
    } catch (IOException e) {
      return off(types, "cannot read tika-core's type table: " + e.getMessage());
    }
  }

  /**
   * A prefilter for {@code types} from the type table at {@code table}; turned off when {@code types} is
   * not tika-core's default registry or the table's types with signatures are not the registry's.
   */
  public static MagicPrefilter of(MimeTypes types, URL table) {
    if (types != MimeTypes.getDefaultMimeTypes()) {
      return off(types, "not tika-core's default registry");
    }
    List<Signature> signatures;
    List<MagicSignatures.RootXml> rootXml;
    try (InputStream in = table.openStream()) {
      MagicSignatures.Table read = MagicSignatures.readTable(in);
      signatures = read.signatures();
      rootXml = read.rootXml();
    } catch (IOException e) {
      return off(types, "cannot read " + table + ": " + e.getMessage());
    }
    Compiler compiler = new Compiler();
    Map<MimeType, List<Condition>> byType = new LinkedHashMap<>();
    Map<MimeType, int[]> priorities = new HashMap<>();
    Map<MimeType, List<Signature>> signaturesByType = new HashMap<>();
    for (Signature s : signatures) {
      MimeType type = registered(types, s.type());
      if (type == null) {
        return off(types, "the table's type " + s.type() + " is not in the registry");
      }
      signaturesByType.computeIfAbsent(type, t -> new ArrayList<>(2)).add(s);
      byType.computeIfAbsent(type, t -> new ArrayList<>(2)).add(compiler.compile(s.clause()));
      int[] range = priorities.computeIfAbsent(type, t -> new int[] {Integer.MAX_VALUE, Integer.MIN_VALUE});
      range[0] = Math.min(range[0], s.priority());
      range[1] = Math.max(range[1], s.priority());
    }
    Set<MimeType> withMagic = new LinkedHashSet<>();
    MediaTypeRegistry registry = types.getMediaTypeRegistry();
    for (MediaType t : registry.getTypes()) {
      try {
        MimeType m = types.getRegisteredMimeType(t.toString());
        if (m != null && m.hasMagic()) {
          withMagic.add(m);
        }
      } catch (MimeTypeException e) {
        return off(types, "the registry's type " + t + " has an invalid name");
      }
    }
    if (!withMagic.equals(byType.keySet())) {
      return off(types, "the table's types with signatures (" + byType.size() + ") are not the registry's ("
          + withMagic.size() + ")");
    }
    List<Entry> entries = new ArrayList<>();
    byType.forEach((type, conditions) -> entries.add(new Entry(type,
        conditions.size() == 1 ? conditions.get(0) : new Any(conditions),
        priorities.get(type)[0], priorities.get(type)[1])));
    // tika-core's list of types with XML root elements, in its order (MimeType's natural order)
    Map<MimeType, List<MagicSignatures.RootXml>> roots = new TreeMap<>();
    for (MagicSignatures.RootXml r : rootXml) {
      MimeType type = registered(types, r.type());
      if (type == null) {
        return off(types, "the table's type " + r.type() + " is not in the registry");
      }
      roots.computeIfAbsent(type, t -> new ArrayList<>(1)).add(r);
    }
    List<XmlType> xmlTypes = new ArrayList<>();
    roots.forEach((type, list) -> xmlTypes.add(new XmlType(type, list)));
    return new MagicPrefilter(types, entries, xmlTypes, null, compiler.span, new MagicOrder(signaturesByType));
  }

  /** The registry's type of this name, or null when it has none (or the name is not a type's). */
  private static MimeType registered(MimeTypes types, String name) {
    try {
      return types.getRegisteredMimeType(name);
    } catch (MimeTypeException e) {
      return null;
    }
  }

  /** A type with XML root elements, as tika-core's {@code MimeType.matchesXML} compares them. */
  private record XmlType(MimeType type, List<MagicSignatures.RootXml> roots) {
    boolean matches(String namespaceUri, String localName) {
      for (MagicSignatures.RootXml r : roots) {
        boolean ns = isEmpty(r.namespaceUri()) ? isEmpty(namespaceUri) : r.namespaceUri().equals(namespaceUri);
        boolean local = isEmpty(r.localName()) ? isEmpty(localName) : r.localName().equals(localName);
        if (ns && local) {
          return true;
        }
      }
      return false;
    }

    private static boolean isEmpty(String s) {
      return s == null || s.isEmpty();
    }
  }

  private static MagicPrefilter off(MimeTypes types, String why) {
    return new MagicPrefilter(types, List.of(), List.of(), why, 0, new MagicOrder(Map.of()));
  }

  /** Why the prefilter is turned off, if it is. */
  public Optional<String> disabledReason() {
    return Optional.ofNullable(disabled);
  }

  /**
   * The types whose signatures may match {@code data} (the first bytes of a file): every type whose
   * signatures do match is among them. All the types with signatures when the prefilter is off.
   */
  public List<MimeType> candidates(byte[] data) {
    if (disabled != null) {
      List<MimeType> all = new ArrayList<>();
      for (MediaType t : types.getMediaTypeRegistry().getTypes()) {
        try {
          MimeType m = types.getRegisteredMimeType(t.toString());
          if (m != null && m.hasMagic()) {
            all.add(m);
          }
        } catch (MimeTypeException e) {
          throw new IllegalStateException(e);
        }
      }
      return all;
    }
    Bytes bytes = new Bytes(data, span);
    List<MimeType> out = new ArrayList<>();
    for (Entry e : byFirstByte[bytes.at(0)]) {
      if (e.condition().mayHold(bytes)) {
        out.add(e.type());
      }
    }
    return out;
  }

  /**
   * tika-core's type for these first bytes ({@code MimeTypes.detect} with no name) when the prefilter can
   * give it exactly: when none of its signatures matches ({@code text/plain} or
   * {@code application/octet-stream}); otherwise tika-core answers with the type of the first matching
   * signature in its order (for generic XML and HTML, refined by the document's root element as tika-core
   * does): the only matching type, or one whose priorities put it before the others, or else the one
   * {@link MagicOrder} finds among the matching types' signatures. {@code null} when the prefilter is
   * off: then ask tika-core.
   *
   * @param head the first bytes of a file, at most {@code MimeTypes.getMinLength()} (64 KiB)
   */
  public String exactType(byte[] head) {
    if (disabled != null || head.length == 0 || head.length > types.getMinLength()) {
      return null;
    }
    Bytes bytes = new Bytes(head, span);
    List<Entry> matched = new ArrayList<>(2);
    // a type that matched has a matching signature of at least its lowest priority: types whose
    // signatures all have lower priorities than that come after it in tika-core's order, whether they
    // match or not
    int floor = Integer.MIN_VALUE;
    for (Entry e : byFirstByte[bytes.at(0)]) {
      if (e.maxPriority() < floor) {
        break;
      }
      if (e.condition().mayHold(bytes) && e.type().matchesMagic(head)) {
        matched.add(e);
        floor = Math.max(floor, e.minPriority());
      }
    }
    if (!matched.isEmpty()) {
      Entry first = first(matched);
      MimeType type = first != null ? first.type() : order.first(typesOf(matched), head);
      return type == null ? null : refineXml(type, head).getType().toString();
    }
    // what MimeTypes.getMimeType(byte[]) does when no signature matches, and detect() returns with no hints
    try {
      MediaType text = new TextDetector(types.getMinLength()).detect(new ByteArrayInputStream(head), new Metadata());
      return types.forName(text.toString()).getType().toString();
    } catch (IOException e) {
      throw new UncheckedIOException("reading bytes in memory", e); // cannot happen
    } catch (MimeTypeException e) {
      throw new IllegalStateException("tika-core's text check gave an unknown type", e);
    }
  }

  private static List<MimeType> typesOf(List<Entry> entries) {
    List<MimeType> out = new ArrayList<>(entries.size());
    for (Entry e : entries) {
      out.add(e.type());
    }
    return out;
  }

  /**
   * The type tika-core's first matching signature belongs to, when the types' priorities settle it: the
   * only type, or one whose every signature has a higher priority than every signature of the others
   * (tika-core tries signatures by priority first). {@code null} when they do not.
   */
  private static Entry first(List<Entry> matched) {
    for (Entry e : matched) {
      boolean above = true;
      for (Entry other : matched) {
        if (other != e && other.maxPriority() >= e.minPriority()) {
          above = false;
          break;
        }
      }
      if (above) {
        return e;
      }
    }
    return null;
  }

  /**
   * What {@code MimeTypes.getMimeType(byte[])} makes of a generic XML or HTML match: the type whose XML
   * root element the document has (the first in tika-core's order); else HTML stays HTML, and XML without
   * a readable root element is HTML when an HTML signature matches, plain text otherwise.
   */
  private MimeType refineXml(MimeType matched, byte[] head) {
    String name = matched.getName();
    if (!name.equals("application/xml") && !name.equals("text/html")) {
      return matched;
    }
    QName root = new XmlRootExtractor().extractRootElement(head);
    try {
      if (root != null) {
        for (XmlType x : xmlTypes) {
          if (x.matches(root.getNamespaceURI(), root.getLocalPart())) {
            return x.type();
          }
        }
        return matched;
      }
      if (name.equals("text/html")) {
        return matched;
      }
      MimeType html = types.forName("text/html");
      return html.matchesMagic(head) ? html : types.forName("text/plain");
    } catch (MimeTypeException e) {
      throw new IllegalStateException("tika-core has no text/html or text/plain", e);
    }
  }

  /**
   * Whether one {@code <match>} alone (without its nested matches) may match {@code data}: false only
   * when tika-core's comparison for it cannot succeed (for tests of the conditions, match by match).
   */
  public static boolean mayMatch(Match match, byte[] data) {
    Compiler compiler = new Compiler();
    Condition c = compiler.leaf(match);
    return c.mayHold(new Bytes(data, compiler.span));
  }

  /** The first bytes of a file, and (made when first needed) the bytes and byte pairs present. */
  private static final class Bytes {
    final byte[] data;
    final int length;
    private final int span;
    private long[] pairs;
    private long[] singles;

    Bytes(byte[] data, int span) {
      this.data = data;
      this.length = data.length;
      this.span = span;
    }

    /** The byte tika-core compares at position x: past the end of the data, 0. */
    int at(int x) {
      return x < length ? data[x] & 0xff : 0;
    }

    /** Whether the bytes at positions [0, span) (0 past the end of the data) hold the pair a, b. */
    boolean hasPair(int code) {
      summarize();
      return (pairs[code >>> 6] & 1L << code) != 0;
    }

    /** Whether the bytes at positions [0, span) hold any of the set's bytes. */
    boolean hasAny(long[] set) {
      summarize();
      return (set[0] & singles[0]) != 0 || (set[1] & singles[1]) != 0 || (set[2] & singles[2]) != 0
          || (set[3] & singles[3]) != 0;
    }

    private void summarize() {
      if (pairs != null) {
        return;
      }
      long[] p = new long[1024];
      long[] s = new long[4];
      int n = Math.min(length, span);
      if (n > 0) {
        int prev = data[0] & 0xff;
        s[prev >>> 6] |= 1L << prev;
        for (int x = 1; x < n; x++) {
          int b = data[x] & 0xff;
          int code = prev << 8 | b;
          p[code >>> 6] |= 1L << code;
          s[b >>> 6] |= 1L << b;
          prev = b;
        }
        if (n < span) { // the data ends before the span: then come zero bytes
          int code = prev << 8;
          p[code >>> 6] |= 1L << code;
        }
      }
      if (n < span) {
        s[0] |= 1L;
        if (span - n >= 2) {
          p[0] |= 1L; // the pair 0, 0
        }
      }
      singles = s;
      pairs = p;
    }
  }

  /** A necessary condition for a clause to match. */
  private abstract static class Condition {
    abstract boolean mayHold(Bytes b);

    /** The values of the first byte (0 for no data) with which the condition may hold, as 256 bits. */
    long[] firstBytes() {
      return ALL_BYTES.clone();
    }
  }

  private static final long[] ALL_BYTES = {-1L, -1L, -1L, -1L};

  private static long[] union(Condition[] parts) {
    long[] out = new long[4];
    for (Condition c : parts) {
      long[] f = c.firstBytes();
      for (int i = 0; i < 4; i++) {
        out[i] |= f[i];
      }
    }
    return out;
  }

  private static final class Always extends Condition {
    static final Always INSTANCE = new Always();

    @Override
    boolean mayHold(Bytes b) {
      return true;
    }
  }

  private static final class Never extends Condition {
    static final Never INSTANCE = new Never();

    @Override
    boolean mayHold(Bytes b) {
      return false;
    }

    @Override
    long[] firstBytes() {
      return new long[4];
    }
  }

  private static final class All extends Condition {
    private final Condition[] parts;

    All(List<Condition> parts) {
      this.parts = parts.toArray(new Condition[0]);
    }

    @Override
    long[] firstBytes() {
      long[] out = ALL_BYTES.clone();
      for (Condition c : parts) {
        long[] f = c.firstBytes();
        for (int i = 0; i < 4; i++) {
          out[i] &= f[i];
        }
      }
      return out;
    }

    @Override
    boolean mayHold(Bytes b) {
      for (Condition c : parts) {
        if (!c.mayHold(b)) {
          return false;
        }
      }
      return true;
    }
  }

  private static final class Any extends Condition {
    private final Condition[] parts;

    Any(List<Condition> parts) {
      this.parts = parts.toArray(new Condition[0]);
    }

    @Override
    long[] firstBytes() {
      return union(parts);
    }

    @Override
    boolean mayHold(Bytes b) {
      for (Condition c : parts) {
        if (c.mayHold(b)) {
          return true;
        }
      }
      return false;
    }
  }

  private static final class AtLeast extends Condition {
    private final int min;
    private final Condition[] parts;

    AtLeast(int min, List<Condition> parts) {
      this.min = min;
      this.parts = parts.toArray(new Condition[0]);
    }

    @Override
    long[] firstBytes() {
      return union(parts); // at least one part holds
    }

    @Override
    boolean mayHold(Bytes b) {
      int n = 0;
      for (Condition c : parts) {
        if (c.mayHold(b) && ++n >= min) {
          return true;
        }
      }
      return false;
    }
  }

  /**
   * Some start p in [start, end] where the byte at p + j is in sets[j] for every constrained position j:
   * checked at every start (after the pairs present, when given).
   */
  private static final class Window extends Condition {
    private final int start;
    private final int end;
    private final int[] positions;
    private final long[][] sets;
    private final Present present;

    Window(int start, int end, int[] positions, long[][] sets, Present present) {
      this.start = start;
      this.end = end;
      this.positions = positions;
      this.sets = sets;
      this.present = present;
    }

    @Override
    long[] firstBytes() {
      // only a window that starts at offset 0 and nowhere else says what the first byte must be
      return start == 0 && end == 0 && positions[0] == 0 ? sets[0].clone() : ALL_BYTES.clone();
    }

    @Override
    boolean mayHold(Bytes b) {
      if (present != null && !present.mayHold(b)) {
        return false;
      }
      next:
      for (int p = start; p <= end; p++) {
        for (int i = 0; i < positions.length; i++) {
          int v = b.at(p + positions[i]);
          if ((sets[i][v >>> 6] & 1L << v) == 0) {
            continue next;
          }
        }
        return true;
      }
      return false;
    }
  }

  /**
   * For a wide range: each group of byte pairs has a pair present, and each set of single bytes a byte
   * present, in the first bytes the range can reach.
   */
  private static final class Present extends Condition {
    private final int[][] pairGroups;
    private final long[][] singleSets;

    Present(int[][] pairGroups, long[][] singleSets) {
      this.pairGroups = pairGroups;
      this.singleSets = singleSets;
    }

    @Override
    boolean mayHold(Bytes b) {
      for (int[] group : pairGroups) {
        boolean found = false;
        for (int code : group) {
          if (b.hasPair(code)) {
            found = true;
            break;
          }
        }
        if (!found) {
          return false;
        }
      }
      for (long[] set : singleSets) {
        if (!b.hasAny(set)) {
          return false;
        }
      }
      return true;
    }
  }

  /** Turns clauses into conditions, sharing equal byte sets. */
  private static final class Compiler {
    private final Map<List<Long>, long[]> shared = new HashMap<>();
    /** One past the last position any range checked against the pairs present reaches. */
    int span;

    Condition compile(Clause clause) {
      if (clause instanceof MinShouldMatch m) {
        return new AtLeast(m.min(), compile(m.children()));
      }
      Match match = (Match) clause;
      Condition self = leaf(match);
      if (match.children().isEmpty()) {
        return self;
      }
      List<Condition> children = compile(match.children());
      Condition nested = children.size() == 1 ? children.get(0) : new Any(children);
      return new All(List.of(self, nested));
    }

    private List<Condition> compile(List<Clause> clauses) {
      List<Condition> out = new ArrayList<>(clauses.size());
      for (Clause c : clauses) {
        out.add(compile(c));
      }
      return out;
    }

    private Condition leaf(Match match) {
      MagicPattern p;
      try {
        p = MagicPattern.parse(match.kind(), match.offset(), match.value(), match.mask());
      } catch (IllegalArgumentException e) {
        return Always.INSTANCE; // tika-core cannot decode it either: not ours to judge
      }
      List<long[]> sets = new ArrayList<>();
      if (p.regex()) {
        sets.addAll(RegexPrefix.of(p.regexText(), p.ignoreCase()));
      } else {
        int length = p.pattern().length;
        for (int j = 0; j < length; j++) {
          sets.add(p.acceptedAt(j));
        }
      }
      List<Integer> positions = new ArrayList<>();
      List<long[]> constrained = new ArrayList<>();
      for (int j = 0; j < sets.size(); j++) {
        int n = count(sets.get(j));
        if (n == 0) {
          return Never.INSTANCE; // no byte is accepted there: the clause can never match
        }
        if (n < 256) {
          positions.add(j);
          constrained.add(share(sets.get(j)));
        }
      }
      if (positions.isEmpty()) {
        return Always.INSTANCE;
      }
      if (p.end() - p.start() < SCAN) {
        return new Window(p.start(), p.end(), toArray(positions), constrained.toArray(new long[0][]), null);
      }
      span = Math.max(span, p.end() + sets.size());
      Present present = present(sets, positions, constrained);
      if (p.end() - p.start() < DIRECT) {
        return new Window(p.start(), p.end(), toArray(positions), constrained.toArray(new long[0][]), present);
      }
      return present;
    }

    /** The pairs and single bytes that positions [0, span) must hold for the sets to match somewhere. */
    private Present present(List<long[]> sets, List<Integer> positions, List<long[]> constrained) {
      List<int[]> pairGroups = new ArrayList<>();
      List<long[]> singles = new ArrayList<>();
      boolean[] covered = new boolean[sets.size()];
      for (int j = 0; j + 1 < sets.size(); j++) {
        long[] a = sets.get(j);
        long[] b = sets.get(j + 1);
        if (count(a) * count(b) <= MAX_PAIRS) {
          pairGroups.add(pairs(a, b));
          covered[j] = true;
          covered[j + 1] = true;
        }
      }
      for (int i = 0; i < positions.size(); i++) {
        if (!covered[positions.get(i)]) {
          singles.add(constrained.get(i));
        }
      }
      return new Present(pairGroups.toArray(new int[0][]), singles.toArray(new long[0][]));
    }

    private static int[] toArray(List<Integer> list) {
      int[] out = new int[list.size()];
      for (int i = 0; i < out.length; i++) {
        out[i] = list.get(i);
      }
      return out;
    }

    private long[] share(long[] set) {
      List<Long> key = List.of(set[0], set[1], set[2], set[3]);
      long[] known = shared.putIfAbsent(key, set);
      return known != null ? known : set;
    }

    private static int[] pairs(long[] a, long[] b) {
      int[] out = new int[count(a) * count(b)];
      int k = 0;
      for (int x = 0; x < 256; x++) {
        if ((a[x >>> 6] & 1L << x) != 0) {
          for (int y = 0; y < 256; y++) {
            if ((b[y >>> 6] & 1L << y) != 0) {
              out[k++] = x << 8 | y;
            }
          }
        }
      }
      return out;
    }

    private static int count(long[] set) {
      return Long.bitCount(set[0]) + Long.bitCount(set[1]) + Long.bitCount(set[2]) + Long.bitCount(set[3]);
    }
  }

  @Override
  public String toString() {
    return disabled != null ? "MagicPrefilter(off: " + disabled + ")"
        : "MagicPrefilter(" + entries.size() + " types, pairs over " + span + " bytes)";
  }
}
