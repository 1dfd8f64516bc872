package com.kyckeeper.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * {@link CustomerColumn} is the one list of the module's ciphertext: every {@code …Ct} field of the rows has its
 * constant (so the cipher, rotation and masking see it), and each constant reads and writes its own field.
 * The schema side (every {@code *_ct} column of every table rotated) is KeyRotationCoverageOnH2Test/OnPostgresTest.
 */
class CustomerColumnTest {

    @Test
    void everyCiphertextFieldOfTheRowsHasItsColumnAndNothingElseDoes() {
        List<String> fields = new ArrayList<>();
        ciphertextFields(CustomerRecord.class, "customers", fields);
        ciphertextFields(PartyRecord.class, "customer_parties", fields);
        ciphertextFields(VersionRecord.class, "customer_versions", fields);

        assertThat(CustomerColumn.qualifiedNames()).containsExactlyInAnyOrderElementsOf(fields);
        assertThat(new CustomerEncryptedRecords(null, null, null).encryptedColumns())
                .as("rotation covers the list").isEqualTo(CustomerColumn.qualifiedNames());
    }

    @Test
    void eachCustomerRowColumnReadsAndWritesItsOwnField() throws ReflectiveOperationException {
        for (CustomerColumn c : CustomerColumn.ofCustomerRow()) {
            CustomerRecord r = new CustomerRecord();
            c.store(r, "ct-" + c);
            Field f = CustomerRecord.class.getDeclaredField(camel(c.column));
            assertThat(f.get(r)).as(c.name()).isEqualTo("ct-" + c);
            assertThat(c.ciphertextOf(r)).as(c.name()).isEqualTo("ct-" + c);
        }
    }

    @Test
    void theMaskedIdentifiersHaveAMask() {
        for (CustomerColumn c : List.of(CustomerColumn.NAME, CustomerColumn.PHONE, CustomerColumn.DOC_NUMBER,
                CustomerColumn.CREDIT_CODE, CustomerColumn.LICENCE_NUMBER)) {
            assertThat(c.mask()).as(c.name()).isPresent();
        }
        assertThat(CustomerColumn.ADDRESS.mask()).as("never shown masked").isEmpty();
    }

    private static void ciphertextFields(Class<?> row, String table, List<String> out) {
        for (Field f : row.getDeclaredFields()) {
            if (f.getName().endsWith("Ct")) {
                out.add(table + "." + f.getName().replaceAll("([A-Z])", "_$1").toLowerCase(Locale.ROOT));
            }
        }
    }

    private static String camel(String column) {
        StringBuilder s = new StringBuilder();
        boolean up = false;
        for (char ch : column.toCharArray()) {
            if (ch == '_') {
                up = true;
            } else {
                s.append(up ? Character.toUpperCase(ch) : ch);
                up = false;
            }
        }
        return s.toString();
    }
}
