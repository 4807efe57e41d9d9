package dev.forensics.exercise.files.internal;

import dev.forensics.exercise.files.Draw;
import dev.forensics.exercise.files.Person;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Locale;

/** Plain text, CSV, HTML and e-mail (RFC 5322) documents drawn from a seed; all ASCII. */
public final class Texts {

  private static final DateTimeFormatter RFC5322_DATE =
      DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);

  private Texts() {}

  /** A note: a title line and 2 to 5 paragraphs, LF line ends, wrapped at 72 columns. */
  public static byte[] text(Draw draw) {
    StringBuilder sb = new StringBuilder(draw.title()).append("\n\n");
    int paragraphs = draw.between(2, 5);
    for (int i = 0; i < paragraphs; i++) {
      sb.append(wrap(draw.paragraph(), 72, "\n")).append("\n\n");
    }
    return ascii(sb.toString());
  }

  /**
   * A transactions ledger (RFC 4180 CSV, CRLF line ends, header {@code date,name,email,reference,amount}),
   * 8 to 40 rows with dates in the 90 days up to {@code modified}.
   */
  public static byte[] csv(Draw draw, Instant modified) {
    StringBuilder sb = new StringBuilder("date,name,email,reference,amount\r\n");
    LocalDate end = LocalDate.ofInstant(modified, ZoneOffset.UTC);
    int rows = draw.between(8, 40);
    for (int i = 0; i < rows; i++) {
      Person p = draw.person();
      sb.append(end.minusDays(draw.nextInt(90))).append(',')
          .append(p.fullName()).append(',')
          .append(p.email()).append(',')
          .append(draw.word().toUpperCase(Locale.ROOT)).append('-').append(draw.between(1000, 99999)).append(',')
          .append(draw.between(1, 250000) / 100).append('.')
          .append(String.format(Locale.ROOT, "%02d", draw.nextInt(100)))
          .append("\r\n");
    }
    return ascii(sb.toString());
  }

  /** An HTML5 page with a title, a heading and 2 to 5 paragraphs; the text is escaped. */
  public static byte[] html(Draw draw) {
    String title = draw.title();
    StringBuilder sb = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<title>").append(escape(title)).append("</title>\n</head>\n<body>\n<h1>")
        .append(escape(title)).append("</h1>\n");
    int paragraphs = draw.between(2, 5);
    for (int i = 0; i < paragraphs; i++) {
      sb.append("<p>").append(escape(draw.paragraph())).append("</p>\n");
    }
    sb.append("</body>\n</html>\n");
    return ascii(sb.toString());
  }

  /**
   * An e-mail message (RFC 5322, CRLF line ends, 7-bit text/plain body): {@code Return-Path}, {@code From},
   * {@code To}, {@code Subject}, {@code Date} (the scenario time, UTC), {@code Message-ID} (from the seed,
   * in the sender's domain), MIME headers; no {@code Received} lines, host names or user names.
   */
  public static byte[] eml(Draw draw, Instant sent) {
    Person from = draw.person();
    Person to = draw.person();
    String domain = from.email().substring(from.email().indexOf('@') + 1);
    String messageId = HexFormat.of().formatHex(draw.bytes(12)) + "@" + domain;
    String subject = (draw.nextInt(3) == 0 ? "Re: " : "") + draw.title();
    StringBuilder body = new StringBuilder("Dear ").append(to.givenName()).append(",\n\n");
    int paragraphs = draw.between(1, 3);
    for (int i = 0; i < paragraphs; i++) {
      body.append(wrap(draw.paragraph(), 72, "\n")).append("\n\n");
    }
    body.append(from.givenName()).append('\n');
    String crlfBody = body.toString().replace("\n", "\r\n");
    String message = "Return-Path: <" + from.email() + ">\r\n"
        + "From: " + from.fullName() + " <" + from.email() + ">\r\n"
        + "To: " + to.fullName() + " <" + to.email() + ">\r\n"
        + "Subject: " + subject + "\r\n"
        + "Date: " + RFC5322_DATE.format(sent) + "\r\n"
        + "Message-ID: <" + messageId + ">\r\n"
        + "MIME-Version: 1.0\r\n"
        + "Content-Type: text/plain; charset=us-ascii\r\n"
        + "Content-Transfer-Encoding: 7bit\r\n"
        + "\r\n"
        + crlfBody;
    return ascii(message);
  }

  /** Wraps words at {@code width} columns. */
  static String wrap(String text, int width, String newline) {
    StringBuilder out = new StringBuilder();
    int column = 0;
    for (String word : text.split(" ")) {
      if (column > 0 && column + 1 + word.length() > width) {
        out.append(newline);
        column = 0;
      } else if (column > 0) {
        out.append(' ');
        column++;
      }
      out.append(word);
      column += word.length();
    }
    return out.toString();
  }

  private static String escape(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }
}
