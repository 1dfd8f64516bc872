package com.kyckeeper.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kyckeeper.crypto.FieldCipher;
import com.kyckeeper.crypto.FieldRef;
import com.kyckeeper.shared.ConflictException;
import com.kyckeeper.shared.InvalidInputException;
import com.kyckeeper.shared.PreconditionFailedException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.security.access.AccessDeniedException;

/**
 * The lifecycle rules of {@link Customer} on their own. The cipher here only tags each value with its column
 * (what is under test is the lifecycle, not the encryption, which the *OnH2/*OnPostgres contracts prove).
 */
class CustomerTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 24);
    static final OffsetDateTime NOW = OffsetDateTime.of(2026, 11, 24, 10, 0, 0, 0, ZoneOffset.ofHours(8));
    static final Suspension GRACE_30 = new Suspension(30);

    final CustomerCipher cipher = new CustomerCipher(new TaggingCipher(), (kind, value) -> kind + ":" + value);

    @Test
    void registrationCreatesVersionOnePendingAndRecordsTheEvent() {
        Customer c = Customer.register(person("张三", "13800138000", LocalDate.of(2030, 1, 1)), "teller1", NOW, cipher);

        assertThat(c.row().version).isEqualTo(1);
        assertThat(c.row().status).isEqualTo(CustomerStatus.PENDING_VERIFICATION);
        assertThat(c.row().createdBy).isEqualTo("teller1");
        assertThat(c.row().nameCt).isEqualTo("customers.name_ct:张三");
        assertThat(c.row().docNumberBidx).isEqualTo("PASSPORT:E12345678");
        assertThat(c.pullEvents()).containsExactly(new CustomerRegistered(c.id(), CustomerType.INDIVIDUAL));
        assertThat(c.pullEvents()).as("pulled once").isEmpty();
    }

    @Test
    void aContactChangeKeepsTheVerificationAnIdentityChangeSendsItBackToFourEyes() {
        Customer c = verified();
        IndividualProfile before = person("张三", "13800138000", LocalDate.of(2030, 1, 1));

        assertThat(c.change(before, person("张三", "13900139000", LocalDate.of(2030, 1, 1)), "teller2", NOW, cipher))
                .isEqualTo(ChangeKind.DETAILS_CHANGED);
        assertThat(c.row().status).isEqualTo(CustomerStatus.VERIFIED);
        assertThat(c.row().verifiedBy).isEqualTo("super1");

        assertThat(c.change(before, person("张四", "13800138000", LocalDate.of(2030, 1, 1)), "teller2", NOW, cipher))
                .isEqualTo(ChangeKind.IDENTITY_CHANGED);
        assertThat(c.row().status).isEqualTo(CustomerStatus.PENDING_VERIFICATION);
        assertThat(c.row().verifiedBy).isNull();
        assertThat(c.row().version).isEqualTo(4);
        assertThat(c.pullEvents()).containsExactly(new CustomerChanged(c.id(), 3), new CustomerChanged(c.id(), 4));
    }

    @Test
    void aChangeNeedsTheCurrentVersionAnOpenRecordAndTheSameType() {
        Customer c = registered();
        assertThatThrownBy(() -> c.ensureChangeable(2)).isInstanceOf(PreconditionFailedException.class);
        assertThatThrownBy(() -> c.ensureSameType(null)).isInstanceOf(InvalidInputException.class);
        c.close(TODAY, "teller1", NOW);
        assertThatThrownBy(() -> c.ensureChangeable(2)).isInstanceOf(ConflictException.class);
    }

    @Test
    void fourEyesRefusesTheRegistrantAndEveryEditorSinceTheLastDecision() {
        Customer c = registered();
        assertThatThrownBy(() -> verify(c, "teller1", Set.of())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> verify(c, "teller2", Set.of("teller2"))).isInstanceOf(AccessDeniedException.class);
        assertThat(c.row().status).isEqualTo(CustomerStatus.PENDING_VERIFICATION);

        assertThat(verify(c, "super1", Set.of("teller2"))).isEqualTo(ChangeKind.VERIFIED);
        assertThat(c.row().verifiedBy).isEqualTo("super1");
        assertThat(c.row().verificationNoteCt).isEqualTo("customers.verification_note_ct:seen");
        assertThat(c.pullEvents()).endsWith(new CustomerVerified(c.id(), VerificationDecision.APPROVE));
    }

    @Test
    void theRegistrantIsRefusedWithoutAskingForTheEditors() {
        Customer c = registered();
        assertThatThrownBy(() -> c.verify(VerificationDecision.APPROVE, null, "teller1", () -> {
            throw new AssertionError("editors asked for");
        }, TODAY, GRACE_30, NOW, cipher)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void onlyAPendingRecordThatIsNotSuspendedCanBeDecided() {
        Customer decided = verified();
        assertThatThrownBy(() -> verify(decided, "super2", Set.of())).isInstanceOf(ConflictException.class);

        Customer expired = Customer.register(person("李四", "13800138000", TODAY.minusDays(31)), "teller1", NOW, cipher);
        assertThat(expired.effectiveStatus(TODAY, GRACE_30)).isEqualTo(CustomerStatus.SUSPENDED);
        assertThatThrownBy(() -> verify(expired, "super1", Set.of())).isInstanceOf(ConflictException.class);
    }

    @Test
    void suspensionStartsTheDayAfterTheGracePeriodAndNeverCoversARejectedOrClosedRecord() {
        LocalDate expiry = TODAY.minusDays(30);
        assertThat(GRACE_30.effective(CustomerStatus.VERIFIED, expiry, TODAY)).isEqualTo(CustomerStatus.VERIFIED);
        assertThat(GRACE_30.effective(CustomerStatus.VERIFIED, expiry, TODAY.plusDays(1))).isEqualTo(CustomerStatus.SUSPENDED);
        assertThat(GRACE_30.from(expiry)).isEqualTo(TODAY.plusDays(1));
        assertThat(GRACE_30.effective(CustomerStatus.REJECTED, expiry, TODAY.plusDays(9))).isEqualTo(CustomerStatus.REJECTED);
        assertThat(GRACE_30.effective(CustomerStatus.CLOSED, expiry, TODAY.plusDays(9))).isEqualTo(CustomerStatus.CLOSED);
        assertThat(GRACE_30.effective(CustomerStatus.VERIFIED, null, TODAY)).isEqualTo(CustomerStatus.VERIFIED);
    }

    @Test
    void closingIsOnceAndOnlyCompliancePutsTheEndInThePast() {
        assertThatThrownBy(() -> Customer.ensureClosableOn(null, TODAY, true)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> Customer.ensureClosableOn(TODAY.plusDays(1), TODAY, true))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> Customer.ensureClosableOn(TODAY.minusDays(1), TODAY, false))
                .isInstanceOf(AccessDeniedException.class);
        Customer.ensureClosableOn(TODAY.minusDays(1), TODAY, true);
        Customer.ensureClosableOn(TODAY, TODAY, false);

        Customer c = registered();
        assertThat(c.close(TODAY, "teller1", NOW)).isEqualTo(ChangeKind.CLOSED);
        assertThat(c.row().status).isEqualTo(CustomerStatus.CLOSED);
        assertThat(c.row().version).isEqualTo(2);
        assertThat(c.pullEvents()).endsWith(new CustomerClosed(c.id(), TODAY));
        assertThatThrownBy(() -> c.close(TODAY, "teller1", NOW)).isInstanceOf(ConflictException.class);
    }

    private ChangeKind verify(Customer c, String actor, Set<String> editors) {
        return c.verify(VerificationDecision.APPROVE, "seen", actor, () -> editors, TODAY, GRACE_30, NOW, cipher);
    }

    private Customer registered() {
        return Customer.register(person("张三", "13800138000", LocalDate.of(2030, 1, 1)), "teller1", NOW, cipher);
    }

    private Customer verified() {
        Customer c = registered();
        verify(c, "super1", Set.of());
        c.pullEvents();
        return c;
    }

    static IndividualProfile person(String name, String phone, LocalDate docExpiry) {
        return new IndividualProfile(name, Gender.MALE, "CHN", "engineer", "北京市朝阳区", null, phone, null,
                new IdentityDocument(DocumentType.PASSPORT, "E12345678", docExpiry.minusYears(10), docExpiry, false),
                null, null, null);
    }

    /** Tags a value with its table and column, so the test sees which column each value went to. */
    static final class TaggingCipher implements FieldCipher {
        @Override
        public String encrypt(String owner, FieldRef field, String plaintext) {
            return plaintext == null ? null : field.table() + "." + field.column() + ":" + plaintext;
        }

        @Override
        public String decrypt(String owner, FieldRef field, String ciphertext) {
            String tag = field.table() + "." + field.column() + ":";
            if (ciphertext == null) {
                return null;
            }
            assertThat(ciphertext).startsWith(tag);
            return ciphertext.substring(tag.length());
        }
    }
}
