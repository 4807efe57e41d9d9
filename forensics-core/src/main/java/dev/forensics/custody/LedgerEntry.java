package dev.forensics.custody;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.forensics.custody.internal.Jcs;
import dev.forensics.hash.Digest;
import dev.forensics.hash.DigestSet;
import dev.forensics.hash.HashAlgorithm;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * One committed ledger line, read and checked for shape: every field of the entry, its canonical bytes
 * (the line itself, which is its own RFC 8785 canonical form), the bytes its signers signed, and its
 * entry hash. Immutable.
 */
public final class LedgerEntry {

  /** Members of every entry; {@code item} may be absent. */
  static final Set<String> MEMBERS = Set.of("seq", "type", "time", "offset", "actor", "item", "prev", "data", "sigs");

  static final ObjectMapper JSON =
      JsonMapper.builder()
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
          .build();

  static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
  /** The shape of {@code time}: {@code 9} stands for a digit. */
  private static final String TIME_SHAPE = "9999-99-99T99:99:99.999Z";

  /** Signature of one custodian on an entry. */
  public record Signature(String by, byte[] value) {
    public Signature {
      Custodian.checkName(by);
      value = value.clone();
    }

    @Override
    public byte[] value() {
      return value.clone();
    }
  }

  private final long seq;
  private final EventType type;
  private final Instant time;
  private final ZoneOffset offset;
  private final String actor;
  private final String item;
  private final byte[] prev;
  private final ObjectNode data;
  private final List<Signature> sigs;
  private final byte[] canonical;
  private final byte[] signed;
  private final byte[] hash;

  private LedgerEntry(ObjectNode root, byte[] canonical, byte[] signed) throws EntryException {
    this.canonical = canonical;
    this.signed = signed;
    this.hash = sha256(canonical);
    for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!MEMBERS.contains(f)) {
        throw new EntryException(LedgerProblem.Kind.FIELDS, -1, "unknown member '" + f + "'");
      }
    }
    JsonNode s = need(root, "seq", -1);
    if (!s.isIntegralNumber() || s.longValue() < 0) {
      throw new EntryException(LedgerProblem.Kind.FIELDS, -1, "'seq' must be a non-negative integer");
    }
    this.seq = s.longValue();
    String t = text(root, "type", seq);
    this.type = EventType.lookup(t).orElseThrow(() -> new EntryException(LedgerProblem.Kind.FIELDS, seq, "unknown type '" + t + "'"));
    String ts = text(root, "time", seq);
    if (!hasShape(ts, TIME_SHAPE)) {
      throw new EntryException(LedgerProblem.Kind.FIELDS, seq, "'time' must be UTC like 2026-01-31T09:15:00.000Z, got '" + ts + "'");
    }
    try {
      this.time = LocalDateTime.of(digits(ts, 0, 4), digits(ts, 5, 2), digits(ts, 8, 2), digits(ts, 11, 2),
          digits(ts, 14, 2), digits(ts, 17, 2), digits(ts, 20, 3) * 1_000_000).toInstant(ZoneOffset.UTC);
    } catch (java.time.DateTimeException e) {
      throw new EntryException(LedgerProblem.Kind.FIELDS, seq, "'time' is not a valid date: '" + ts + "'");
    }
    String os = text(root, "offset", seq);
    if (!(hasShape(os, "+99:99") || hasShape(os, "-99:99"))) {
      throw new EntryException(LedgerProblem.Kind.FIELDS, seq, "'offset' must be like +07:00 or -05:00, got '" + os + "'");
    }
    try {
      this.offset = ZoneOffset.of(os);
    } catch (java.time.DateTimeException e) {
      throw new EntryException(LedgerProblem.Kind.FIELDS, seq, "'offset' out of range: '" + os + "'");
    }
    this.actor = text(root, "actor", seq);
    try {
      Custodian.checkName(actor);
    } catch (IllegalArgumentException e) {
      throw new EntryException(LedgerProblem.Kind.FIELDS, seq, "'actor': " + e.getMessage());
    }
    if (root.has("item")) {
      this.item = text(root, "item", seq);
      try {
        CustodyEvent.checkItem(item);
      } catch (IllegalArgumentException e) {
        throw new EntryException(LedgerProblem.Kind.FIELDS, seq, "'item': " + e.getMessage());
      }
    } else if (type.needsItem()) {
      throw new EntryException(LedgerProblem.Kind.FIELDS, seq, type.id() + ": missing required field 'item'");
    } else {
      this.item = null;
    }
    String p = text(root, "prev", seq);
    if (!isLowerHex64(p)) {
      throw new EntryException(LedgerProblem.Kind.FIELDS, seq, "'prev' must be 64 lower-case hex digits");
    }
    this.prev = HexFormat.of().parseHex(p);
    JsonNode d = need(root, "data", seq);
    if (!d.isObject()) {
      throw new EntryException(LedgerProblem.Kind.FIELDS, seq, "'data' must be an object");
    }
    this.data = (ObjectNode) d;
    checkData();
    JsonNode sg = need(root, "sigs", seq);
    if (!sg.isArray() || sg.isEmpty()) {
      throw new EntryException(LedgerProblem.Kind.SIGNATURE, seq, "'sigs' must be a non-empty array");
    }
    List<Signature> list = new ArrayList<>();
    for (JsonNode one : sg) {
      if (!one.isObject() || one.size() != 2 || !one.path("by").isTextual() || !one.path("sig").isTextual()) {
        throw new EntryException(LedgerProblem.Kind.SIGNATURE, seq, "each signature is {\"by\":NAME,\"sig\":BASE64}");
      }
      byte[] v;
      try {
        v = Base64.getDecoder().decode(one.get("sig").textValue());
      } catch (IllegalArgumentException e) {
        throw new EntryException(LedgerProblem.Kind.SIGNATURE, seq, "signature by " + one.get("by").textValue() + " is not base64");
      }
      try {
        list.add(new Signature(one.get("by").textValue(), v));
      } catch (IllegalArgumentException e) {
        throw new EntryException(LedgerProblem.Kind.SIGNATURE, seq, e.getMessage());
      }
    }
    this.sigs = List.copyOf(list);
  }

  private void checkData() throws EntryException {
    String tid = type.id();
    for (Iterator<Map.Entry<String, JsonNode>> it = data.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> f = it.next();
      String k = f.getKey();
      JsonNode v = f.getValue();
      if (!type.allowed().contains(k)) {
        throw new EntryException(LedgerProblem.Kind.FIELDS, seq, tid + ": unknown field '" + k + "'");
      }
      boolean ok =
          switch (k) {
            case "seal-intact" -> v.isBoolean();
            case "hashes" -> v.isObject() && !v.isEmpty();
            case "rehash" -> v.isObject();
            case "custodians" -> v.isArray();
            default -> v.isTextual() && !v.textValue().isBlank();
          };
      if (!ok) {
        throw new EntryException(LedgerProblem.Kind.FIELDS, seq, tid + ": field '" + k + "' has the wrong type or is empty");
      }
    }
    for (String r : type.required()) {
      if (!data.has(r)) {
        throw new EntryException(LedgerProblem.Kind.FIELDS, seq, tid + ": missing required field '" + r + "'");
      }
    }
    try {
      hashes();
      rehash();
      custodians();
    } catch (IllegalArgumentException e) {
      throw new EntryException(LedgerProblem.Kind.FIELDS, seq, tid + ": " + e.getMessage());
    }
  }

  /**
   * Reads one ledger line (without its newline).
   *
   * @throws EntryException when the line is not an entry in canonical form
   */
  static LedgerEntry parse(byte[] line) throws EntryException {
    JsonNode root;
    try {
      root = JSON.readTree(line);
    } catch (IOException e) {
      throw new EntryException(LedgerProblem.Kind.MALFORMED, -1, "not JSON: " + firstLine(e.getMessage()));
    }
    if (root == null || !root.isObject()) {
      throw new EntryException(LedgerProblem.Kind.MALFORMED, -1, "not a JSON object");
    }
    byte[] canonical;
    byte[] signed;
    try {
      byte[][] pair = Jcs.canonicalizePair(root, "sigs");
      canonical = pair[0];
      signed = pair[1];
    } catch (IllegalArgumentException e) {
      throw new EntryException(LedgerProblem.Kind.MALFORMED, -1, e.getMessage());
    }
    if (!java.util.Arrays.equals(canonical, line)) { // not secret: the fast comparison
      long seq = root.path("seq").canConvertToLong() ? root.path("seq").longValue() : -1;
      throw new EntryException(LedgerProblem.Kind.NOT_CANONICAL, seq,
          "the line is not in RFC 8785 canonical form (changed after it was written)");
    }
    return new LedgerEntry((ObjectNode) root, canonical, signed);
  }

  /** Builds, signs and reads back an entry (what {@link Ledger} appends). */
  static LedgerEntry sign(ObjectNode body, SigningKey actor, SigningKey receiverOrNull) {
    byte[] signed = Jcs.canonicalize(body);
    ObjectNode full = body.deepCopy();
    var arr = full.putArray("sigs");
    arr.addObject().put("by", actor.name()).put("sig", Base64.getEncoder().encodeToString(actor.sign(signed)));
    if (receiverOrNull != null) {
      arr.addObject().put("by", receiverOrNull.name()).put("sig", Base64.getEncoder().encodeToString(receiverOrNull.sign(signed)));
    }
    try {
      return new LedgerEntry(full, Jcs.canonicalize(full), signed);
    } catch (EntryException e) {
      throw new InvalidEventException(e.getMessage());
    }
  }

  /** Whether {@code s} has the shape {@code shape}, in which {@code 9} stands for an ASCII digit. */
  private static boolean hasShape(String s, String shape) {
    if (s.length() != shape.length()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      char want = shape.charAt(i);
      if (want == '9' ? c < '0' || c > '9' : c != want) {
        return false;
      }
    }
    return true;
  }

  /** The decimal number in {@code s[from, from + n)}, all ASCII digits. */
  private static int digits(String s, int from, int n) {
    int v = 0;
    for (int i = from; i < from + n; i++) {
      v = v * 10 + (s.charAt(i) - '0');
    }
    return v;
  }

  private static boolean isLowerHex64(String s) {
    if (s.length() != 64) {
      return false;
    }
    for (int i = 0; i < 64; i++) {
      char c = s.charAt(i);
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
        return false;
      }
    }
    return true;
  }

  private static String firstLine(String m) {
    if (m == null) {
      return "unreadable";
    }
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }

  private static JsonNode need(JsonNode root, String f, long seq) throws EntryException {
    JsonNode n = root.get(f);
    if (n == null) {
      throw new EntryException(LedgerProblem.Kind.FIELDS, seq, "missing member '" + f + "'");
    }
    return n;
  }

  private static String text(JsonNode root, String f, long seq) throws EntryException {
    JsonNode n = need(root, f, seq);
    if (!n.isTextual()) {
      throw new EntryException(LedgerProblem.Kind.FIELDS, seq, "'" + f + "' must be a string");
    }
    return n.textValue();
  }

  static byte[] sha256(byte[] b) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(b);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The sequence number: 0 for the init entry, then 1, 2, … (also the entry's Merkle leaf index). */
  public long seq() {
    return seq;
  }

  public EventType type() {
    return type;
  }

  /** When the event was recorded, UTC (millisecond precision). */
  public Instant time() {
    return time;
  }

  /** The recorder's UTC offset at that moment. */
  public ZoneOffset offset() {
    return offset;
  }

  /** The custodian who recorded the event and signed first. */
  public String actor() {
    return actor;
  }

  /** The exhibit number, if the entry concerns an item. */
  public Optional<String> item() {
    return Optional.ofNullable(item);
  }

  /** The entry hash of the previous entry (32 zero bytes for the init entry). */
  public byte[] prev() {
    return prev.clone();
  }

  /** A text field of {@code data} ({@code seal-intact} as {@code yes}/{@code no}). */
  public Optional<String> field(String name) {
    JsonNode n = data.get(name);
    if (n == null) {
      return Optional.empty();
    }
    if (n.isBoolean()) {
      return Optional.of(n.booleanValue() ? "yes" : "no");
    }
    return n.isTextual() ? Optional.of(n.textValue()) : Optional.empty();
  }

  /** The names of the {@code data} fields present, sorted. */
  public List<String> fieldNames() {
    List<String> out = new ArrayList<>();
    data.fieldNames().forEachRemaining(out::add);
    out.sort(null);
    return out;
  }

  /** The item hashes recorded by a register or acquire entry (empty if none). */
  public DigestSet hashes() {
    JsonNode h = data.get("hashes");
    if (h == null) {
      return DigestSet.empty();
    }
    return hashesOf(h);
  }

  private static DigestSet hashesOf(JsonNode h) {
    List<Digest> out = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = h.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      HashAlgorithm a = HashAlgorithm.fromName(e.getKey());
      if (!a.id().equals(e.getKey())) {
        throw new IllegalArgumentException("hash algorithm must be written '" + a.id() + "', got '" + e.getKey() + "'");
      }
      if (!e.getValue().isTextual() || !e.getValue().textValue().equals(e.getValue().textValue().toLowerCase(java.util.Locale.ROOT))) {
        throw new IllegalArgumentException("hash " + e.getKey() + " must be lower-case hex");
      }
      out.add(Digest.ofHex(a, e.getValue().textValue()));
    }
    return DigestSet.of(out);
  }

  /** The outcome of re-hashing the item, if the event recorded one. */
  public Optional<ItemRehash> rehash() {
    JsonNode r = data.get("rehash");
    if (r == null) {
      return Optional.empty();
    }
    Set<String> allowed = Set.of("path", "hashes", "result", "against");
    for (Iterator<String> it = r.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!allowed.contains(f)) {
        throw new IllegalArgumentException("rehash: unknown member '" + f + "'");
      }
    }
    if (!r.path("path").isTextual() || !r.path("result").isTextual() || !r.path("hashes").isObject()) {
      throw new IllegalArgumentException("rehash needs 'path', 'hashes' and 'result'");
    }
    JsonNode against = r.get("against");
    if (against != null && !against.isIntegralNumber()) {
      throw new IllegalArgumentException("rehash 'against' must be a sequence number");
    }
    return Optional.of(
        new ItemRehash(
            r.get("path").textValue(),
            hashesOf(r.get("hashes")),
            ItemRehash.Result.fromId(r.get("result").textValue()),
            against == null ? OptionalLong.empty() : OptionalLong.of(against.longValue())));
  }

  /** The custodians an init entry lists. */
  public List<Custodian> custodians() {
    JsonNode c = data.get("custodians");
    List<Custodian> out = new ArrayList<>();
    if (c == null) {
      return out;
    }
    for (JsonNode one : c) {
      if (!one.isObject() || one.size() != 2 || !one.path("name").isTextual() || !one.path("key").isTextual()) {
        throw new IllegalArgumentException("each custodian is {\"key\":BASE64,\"name\":NAME}");
      }
      out.add(new Custodian(one.get("name").textValue(), CustodianKey.ofBase64(one.get("key").textValue())));
    }
    return out;
  }

  /** The signatures, in order (a transfer: releasing custodian, then receiving custodian). */
  public List<Signature> signatures() {
    return sigs;
  }

  /** The line's bytes without the newline: the entry's RFC 8785 canonical form, and its Merkle leaf. */
  public byte[] canonical() {
    return canonical.clone();
  }

  /** The bytes every signer signed: the canonical form of the entry without its {@code sigs} member. */
  public byte[] signedBytes() {
    return signed.clone();
  }

  byte[] canonicalShared() {
    return canonical;
  }

  byte[] signedBytesShared() {
    return signed;
  }

  /** SHA-256 of {@link #canonical()}: what the next entry's {@code prev} holds. */
  public byte[] hash() {
    return hash.clone();
  }

  byte[] hashShared() {
    return hash;
  }

  byte[] prevShared() {
    return prev;
  }

  /** The entry hash in lower-case hex. */
  public String hashHex() {
    return HexFormat.of().formatHex(hash);
  }

  /** The head this entry makes when it is the last one. */
  public LedgerHead head() {
    return new LedgerHead(seq, hash);
  }

  @Override
  public String toString() {
    return "LedgerEntry[" + seq + " " + type.id() + (item == null ? "" : " " + item) + " by " + actor + "]";
  }

  /** A line that is not a well-formed entry. */
  static final class EntryException extends Exception {
    private static final long serialVersionUID = 1L;
    final LedgerProblem.Kind kind;
    final long seq;

    EntryException(LedgerProblem.Kind kind, long seq, String message) {
      super(message);
      this.kind = kind;
      this.seq = seq;
    }
  }
}
