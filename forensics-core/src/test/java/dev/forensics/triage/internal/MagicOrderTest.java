package dev.forensics.triage.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forensics.triage.internal.MagicSignatures.Clause;
import dev.forensics.triage.internal.MagicSignatures.Match;
import dev.forensics.triage.internal.MagicSignatures.MinShouldMatch;
import dev.forensics.triage.internal.MagicSignatures.Signature;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.tika.mime.MimeType;
import org.apache.tika.mime.MimeTypeException;
import org.apache.tika.mime.MimeTypes;
import org.junit.jupiter.api.Test;

/** tika-core's order of signatures (priority, then size, then type) on made-up signatures of two types. */
class MagicOrderTest {

  private static final byte[] DATA = "abc-defghij".getBytes(StandardCharsets.US_ASCII);

  private static MimeType type(String name) throws MimeTypeException {
    return MimeTypes.getDefaultMimeTypes().forName(name);
  }

  private static Match at(int offset, String value, Clause... children) {
    return new Match("string", Integer.toString(offset), value, null, List.of(children));
  }

  private static MimeType first(Signature a, Signature b) throws MimeTypeException {
    MimeType ta = type(a.type());
    MimeType tb = type(b.type());
    return new MagicOrder(Map.of(ta, List.of(a), tb, List.of(b))).first(List.of(ta, tb), DATA);
  }

  @Test
  void higherPriorityFirst_thenTheLargerSignature_thenTheTypeThatSortsLast() throws MimeTypeException {
    assertThat(first(new Signature("application/gzip", 60, at(0, "abc")),
        new Signature("text/x-robots", 50, at(4, "defghij"))).getName()).isEqualTo("application/gzip");
    assertThat(first(new Signature("application/gzip", 50, at(0, "abc")),
        new Signature("text/x-robots", 50, at(4, "defghij"))).getName()).as("size 7 over 3").isEqualTo("text/x-robots");
    assertThat(first(new Signature("application/gzip", 50, at(0, "abc")),
        new Signature("text/x-robots", 50, at(4, "def"))).getName()).as("same size: the type sorting last")
        .isEqualTo("text/x-robots");
    assertThat(first(new Signature("application/gzip", 50, at(4, "def")),
        new Signature("text/x-robots", 50, at(0, "abc"))).getName()).isEqualTo("text/x-robots");
  }

  @Test
  void nestedMatchesAddTheirSize_minShouldMatchTakesTheLargest() throws MimeTypeException {
    // a match with a nested one: 3 + 7 = 10 beats a lone 8-byte match
    assertThat(first(new Signature("text/x-robots", 50, at(0, "abc", at(4, "defghij"))),
        new Signature("application/gzip", 50, at(0, "abc-defg"))).getName()).isEqualTo("text/x-robots");
    // at least one of two: its size is the larger one's (7), which beats a lone 3-byte match
    assertThat(first(new Signature("application/gzip", 50, new MinShouldMatch(1, List.of(at(0, "abc"), at(4, "defghij")))),
        new Signature("text/x-robots", 50, at(0, "abc"))).getName()).isEqualTo("application/gzip");
    // a minShouldMatch that does not hold is not a match
    assertThat(first(new Signature("text/x-robots", 90, new MinShouldMatch(2, List.of(at(0, "abc"), at(4, "xyz")))),
        new Signature("application/gzip", 50, at(0, "abc"))).getName()).isEqualTo("application/gzip");
    // a nested match that fails makes its parent fail
    assertThat(first(new Signature("text/x-robots", 90, at(0, "abc", at(4, "xyz"))),
        new Signature("application/gzip", 50, at(0, "abc"))).getName()).isEqualTo("application/gzip");
  }
}
