package dev.steward.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.keys.ErasureReceipt.ErasureKind;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ValuesTest {

    @Test
    void personalDataPrintsNothingAndRevealsOnlyForAPurpose() {
        PersonalData data = PersonalData.ofText("Alice Example");

        assertThat(data.toString()).isEqualTo("PersonalData[redacted]");
        assertThat(String.valueOf(data)).doesNotContain("Alice");
        assertThat(data.revealTextForPurpose("support ticket 17")).isEqualTo("Alice Example");
        assertThatThrownBy(() -> data.revealForPurpose(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> data.revealForPurpose(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void personalDataKeepsItsOwnCopy() {
        byte[] source = {1, 2, 3};
        PersonalData data = PersonalData.of(source);
        source[0] = 9;
        data.revealForPurpose("test")[1] = 9;

        assertThat(data.revealForPurpose("test")).containsExactly(1, 2, 3);
        data.wipe();
        assertThat(data.revealForPurpose("test")).containsExactly(0, 0, 0);
    }

    @Test
    void subjectRefIsSixtyFourLowercaseHexDigits() {
        assertThat(new SubjectRef("0".repeat(64)).hmac()).hasSize(64);
        assertThatThrownBy(() -> new SubjectRef("customer-42")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SubjectRef("A".repeat(64))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void bindingsEncodeUnambiguously() {
        TenantId t = TenantId.random();
        SubjectRef s = new SubjectRef("0".repeat(64));

        assertThat(new RecordBinding(t, s, "ab", "c").associatedData())
                .isNotEqualTo(new RecordBinding(t, s, "a", "bc").associatedData());
        assertThatThrownBy(() -> new RecordBinding(t, s, "", "c")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void receiptNamesASubjectExactlyWhenASubjectWasErased() {
        TenantId t = TenantId.random();
        SubjectRef s = new SubjectRef("0".repeat(64));
        Instant now = Instant.now();

        assertThat(new ErasureReceipt(UUID.randomUUID(), ErasureKind.SUBJECT, t, s, now, "h").subjectRef())
                .contains(s);
        assertThatThrownBy(() -> new ErasureReceipt(UUID.randomUUID(), ErasureKind.TENANT, t, s, now, "h"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ErasureReceipt(UUID.randomUUID(), ErasureKind.SUBJECT, t, null, now, "h"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keyVersionsCountUpFromOne() {
        assertThat(KeyVersion.FIRST.next()).isEqualTo(new KeyVersion(2));
        assertThatThrownBy(() -> new KeyVersion(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
