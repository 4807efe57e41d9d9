package dev.forensics.exercise.files;

import java.util.Objects;

/** A generated person: given name, family name and an e-mail address in a reserved example domain. */
public record Person(String givenName, String familyName, String email) {

  /** @throws IllegalArgumentException when a part is blank or the address has no {@code @} */
  public Person {
    Objects.requireNonNull(givenName, "givenName");
    Objects.requireNonNull(familyName, "familyName");
    Objects.requireNonNull(email, "email");
    if (givenName.isBlank() || familyName.isBlank()) {
      throw new IllegalArgumentException("a person needs a given and a family name");
    }
    if (email.indexOf('@') <= 0) {
      throw new IllegalArgumentException("not an e-mail address: " + email);
    }
  }

  /** Given and family name separated by a space. */
  public String fullName() {
    return givenName + " " + familyName;
  }
}
