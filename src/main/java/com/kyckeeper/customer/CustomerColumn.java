package com.kyckeeper.customer;

import com.kyckeeper.crypto.MaskKind;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Every encrypted column the customer module stores, in one list: the cipher writes and reads the
 * {@code customers} columns through it, key rotation re-encrypts exactly these, and the masked view takes each
 * column's mask from here. A new personal field is one constant here (plus its migration and row field).
 */
enum CustomerColumn {
    NAME(Table.CUSTOMERS, "name_ct", r -> r.nameCt, (r, v) -> r.nameCt = v, MaskKind.NAME),
    GENDER(Table.CUSTOMERS, "gender_ct", r -> r.genderCt, (r, v) -> r.genderCt = v, null),
    NATIONALITY(Table.CUSTOMERS, "nationality_ct", r -> r.nationalityCt, (r, v) -> r.nationalityCt = v, null),
    OCCUPATION(Table.CUSTOMERS, "occupation_ct", r -> r.occupationCt, (r, v) -> r.occupationCt = v, null),
    ADDRESS(Table.CUSTOMERS, "address_ct", r -> r.addressCt, (r, v) -> r.addressCt = v, null),
    HABITUAL_RESIDENCE(Table.CUSTOMERS, "habitual_residence_ct", r -> r.habitualResidenceCt,
            (r, v) -> r.habitualResidenceCt = v, null),
    PHONE(Table.CUSTOMERS, "phone_ct", r -> r.phoneCt, (r, v) -> r.phoneCt = v, MaskKind.PHONE),
    EMAIL(Table.CUSTOMERS, "email_ct", r -> r.emailCt, (r, v) -> r.emailCt = v, null),
    BUSINESS_SCOPE(Table.CUSTOMERS, "business_scope_ct", r -> r.businessScopeCt, (r, v) -> r.businessScopeCt = v, null),
    CREDIT_CODE(Table.CUSTOMERS, "credit_code_ct", r -> r.creditCodeCt, (r, v) -> r.creditCodeCt = v,
            MaskKind.CREDIT_CODE),
    LEGACY_ORG_CODE(Table.CUSTOMERS, "legacy_org_code_ct", r -> r.legacyOrgCodeCt, (r, v) -> r.legacyOrgCodeCt = v, null),
    LEGACY_TAX_NUMBER(Table.CUSTOMERS, "legacy_tax_number_ct", r -> r.legacyTaxNumberCt,
            (r, v) -> r.legacyTaxNumberCt = v, null),
    DOC_NUMBER(Table.CUSTOMERS, "doc_number_ct", r -> r.docNumberCt, (r, v) -> r.docNumberCt = v, MaskKind.ID_NUMBER),
    LICENCE_NAME(Table.CUSTOMERS, "licence_name_ct", r -> r.licenceNameCt, (r, v) -> r.licenceNameCt = v, null),
    LICENCE_NUMBER(Table.CUSTOMERS, "licence_number_ct", r -> r.licenceNumberCt, (r, v) -> r.licenceNumberCt = v,
            MaskKind.ID_NUMBER),
    CUSTOMER_SOURCE(Table.CUSTOMERS, "customer_source_ct", r -> r.customerSourceCt, (r, v) -> r.customerSourceCt = v, null),
    INDUSTRY(Table.CUSTOMERS, "industry_ct", r -> r.industryCt, (r, v) -> r.industryCt = v, null),
    VERIFICATION_NOTE(Table.CUSTOMERS, "verification_note_ct", r -> r.verificationNoteCt,
            (r, v) -> r.verificationNoteCt = v, null),
    PARTY_NAME(Table.PARTIES, "name_ct", null, null, MaskKind.NAME),
    PARTY_DOC_NUMBER(Table.PARTIES, "doc_number_ct", null, null, MaskKind.ID_NUMBER),
    SNAPSHOT(Table.VERSIONS, "snapshot_ct", null, null, null);

    /** The customer module's tables that hold ciphertext. */
    enum Table {
        CUSTOMERS("customers"), PARTIES("customer_parties"), VERSIONS("customer_versions");

        final String sqlName;

        Table(String sqlName) {
            this.sqlName = sqlName;
        }
    }

    final Table table;
    final String column;
    private final Function<CustomerRecord, String> get;
    private final BiConsumer<CustomerRecord, String> set;
    private final MaskKind mask;

    CustomerColumn(Table table, String column, Function<CustomerRecord, String> get,
                   BiConsumer<CustomerRecord, String> set, MaskKind mask) {
        this.table = table;
        this.column = column;
        this.get = get;
        this.set = set;
        this.mask = mask;
    }

    /** The columns of the customers row itself, in declaration order. */
    static List<CustomerColumn> ofCustomerRow() {
        return ofTable(Table.CUSTOMERS);
    }

    static List<CustomerColumn> ofTable(Table table) {
        return java.util.Arrays.stream(values()).filter(c -> c.table == table).toList();
    }

    /** {@code table.column}, lower case, as key rotation's coverage check names them. */
    static Set<String> qualifiedNames() {
        Set<String> names = new TreeSet<>();
        for (CustomerColumn c : values()) {
            names.add(c.table.sqlName + "." + c.column);
        }
        return names;
    }

    String ciphertextOf(CustomerRecord r) {
        return get.apply(r);
    }

    void store(CustomerRecord r, String ciphertext) {
        set.accept(r, ciphertext);
    }

    /** How the masked view shows this column; empty when it is never shown masked. */
    Optional<MaskKind> mask() {
        return Optional.ofNullable(mask);
    }
}
