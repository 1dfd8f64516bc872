package com.kyckeeper.customer;

import com.kyckeeper.crypto.BlindIndex;
import com.kyckeeper.crypto.FieldCipher;
import com.kyckeeper.crypto.FieldRef;
import com.kyckeeper.crypto.MaskKind;
import com.kyckeeper.crypto.Masking;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Maps profiles to rows and back. Every personal value is encrypted with the customer's own data
 * key and bound to its table, column and row; document numbers and credit codes also get a blind
 * index. This is the only place that sees both plaintext and rows.
 */
@Component
class CustomerCodec {

    static final String CUSTOMERS = "customers";
    static final String PARTIES = "customer_parties";
    static final String VERSIONS = "customer_versions";
    static final String CREDIT_CODE_INDEX = "CREDIT_CODE";

    private final FieldCipher cipher;
    private final BlindIndex index;
    private final Masking masking;
    private final ObjectMapper json;

    CustomerCodec(FieldCipher cipher, BlindIndex index, Masking masking, ObjectMapper json) {
        this.cipher = cipher;
        this.index = index;
        this.masking = masking;
        this.json = json;
    }

    String documentIndex(DocumentType type, String normalisedNumber) {
        return index.of(type.name(), normalisedNumber);
    }

    String creditCodeIndex(String normalisedCode) {
        return index.of(CREDIT_CODE_INDEX, normalisedCode);
    }

    /** Lookup values: the current index key's, plus the old key's while an index rotation runs. */
    List<String> documentIndexes(DocumentType type, String normalisedNumber) {
        return index.probes(type.name(), normalisedNumber);
    }

    List<String> creditCodeIndexes(String normalisedCode) {
        return index.probes(CREDIT_CODE_INDEX, normalisedCode);
    }

    void write(CustomerRecord r, CustomerProfile profile) {
        r.type = profile.customerType();
        r.nameCt = enc(r, "name_ct", profile.name());
        r.customerCategory = profile.customerCategory();
        r.nextDocumentExpiry = profile.nextExpiry().orElse(null);
        switch (profile) {
            case IndividualProfile p -> writeIndividual(r, p);
            case CorporateProfile p -> writeCorporate(r, p);
        }
    }

    private void writeIndividual(CustomerRecord r, IndividualProfile p) {
        r.genderCt = enc(r, "gender_ct", p.gender().name());
        r.nationalityCt = enc(r, "nationality_ct", p.nationality());
        r.occupationCt = enc(r, "occupation_ct", p.occupation());
        r.addressCt = enc(r, "address_ct", p.address());
        r.habitualResidenceCt = enc(r, "habitual_residence_ct", p.habitualResidence());
        r.phoneCt = enc(r, "phone_ct", p.phone());
        r.emailCt = enc(r, "email_ct", p.email());
        IdentityDocument d = p.idDocument();
        r.docType = d.type();
        r.docNumberCt = enc(r, "doc_number_ct", d.number());
        r.docNumberBidx = documentIndex(d.type(), d.number());
        r.docIssuedOn = d.issuedOn();
        r.docExpiresOn = d.expiresOn();
        r.docLongTerm = d.hasNoExpiry();
        r.customerSourceCt = enc(r, "customer_source_ct", p.customerSource());
        r.industryCt = enc(r, "industry_ct", p.industry());
    }

    private void writeCorporate(CustomerRecord r, CorporateProfile p) {
        r.addressCt = enc(r, "address_ct", p.registeredAddress());
        r.businessScopeCt = enc(r, "business_scope_ct", p.businessScope());
        r.creditCodeCt = enc(r, "credit_code_ct", p.unifiedSocialCreditCode());
        r.creditCodeBidx = p.unifiedSocialCreditCode() == null ? null : creditCodeIndex(p.unifiedSocialCreditCode());
        r.legacyOrgCodeCt = enc(r, "legacy_org_code_ct", p.legacyOrganizationCode());
        r.legacyTaxNumberCt = enc(r, "legacy_tax_number_ct", p.legacyTaxRegistrationNumber());
        Licence l = p.licence();
        r.licenceNameCt = enc(r, "licence_name_ct", l.name());
        r.licenceNumberCt = enc(r, "licence_number_ct", l.number());
        r.licenceIssuedOn = l.issuedOn();
        r.licenceExpiresOn = l.expiresOn();
        r.licenceLongTerm = Boolean.TRUE.equals(l.longTerm());
        r.customerSourceCt = enc(r, "customer_source_ct", p.customerSource());
        r.industryCt = enc(r, "industry_ct", p.industry());
        r.parties.clear();
        for (CorporateProfile.Party party : p.parties()) {
            r.parties.add(partyRecord(r, party));
        }
    }

    private PartyRecord partyRecord(CustomerRecord owner, CorporateProfile.Party party) {
        PartyRecord pr = new PartyRecord();
        pr.id = UUID.randomUUID().toString();
        pr.customer = owner;
        pr.role = party.role();
        pr.position = party.position();
        IdentityDocument d = party.party().idDocument();
        pr.nameCt = cipher.encrypt(owner.id, new FieldRef(PARTIES, "name_ct", pr.id), party.party().name());
        pr.docType = d.type();
        pr.docNumberCt = cipher.encrypt(owner.id, new FieldRef(PARTIES, "doc_number_ct", pr.id), d.number());
        pr.docNumberBidx = documentIndex(d.type(), d.number());
        pr.docIssuedOn = d.issuedOn();
        pr.docExpiresOn = d.expiresOn();
        pr.docLongTerm = d.hasNoExpiry();
        pr.ownershipPercent = party.party().ownershipPercent();
        return pr;
    }

    CustomerProfile read(CustomerRecord r) {
        return switch (r.type) {
            case INDIVIDUAL -> new IndividualProfile(dec(r, "name_ct", r.nameCt),
                    Gender.valueOf(dec(r, "gender_ct", r.genderCt)), dec(r, "nationality_ct", r.nationalityCt),
                    dec(r, "occupation_ct", r.occupationCt), dec(r, "address_ct", r.addressCt),
                    dec(r, "habitual_residence_ct", r.habitualResidenceCt), dec(r, "phone_ct", r.phoneCt),
                    dec(r, "email_ct", r.emailCt),
                    new IdentityDocument(r.docType, dec(r, "doc_number_ct", r.docNumberCt), r.docIssuedOn,
                            r.docExpiresOn, r.docLongTerm),
                    dec(r, "customer_source_ct", r.customerSourceCt), r.customerCategory,
                    dec(r, "industry_ct", r.industryCt));
            case CORPORATE -> readCorporate(r);
        };
    }

    private CorporateProfile readCorporate(CustomerRecord r) {
        RelatedParty legal = null;
        RelatedParty controller = null;
        RelatedParty responsible = null;
        List<RelatedParty> agents = new ArrayList<>();
        List<RelatedParty> owners = new ArrayList<>();
        List<PartyRecord> sorted = r.parties.stream()
                .sorted(java.util.Comparator.comparing((PartyRecord p) -> p.role).thenComparingInt(p -> p.position))
                .toList();
        for (PartyRecord pr : sorted) {
            RelatedParty party = new RelatedParty(
                    cipher.decrypt(r.id, new FieldRef(PARTIES, "name_ct", pr.id), pr.nameCt),
                    new IdentityDocument(pr.docType,
                            cipher.decrypt(r.id, new FieldRef(PARTIES, "doc_number_ct", pr.id), pr.docNumberCt),
                            pr.docIssuedOn, pr.docExpiresOn, pr.docLongTerm),
                    pr.ownershipPercent);
            switch (pr.role) {
                case LEGAL_REPRESENTATIVE -> legal = party;
                case CONTROLLING_SHAREHOLDER -> controller = party;
                case RESPONSIBLE_PERSON -> responsible = party;
                case AUTHORIZED_AGENT -> agents.add(party);
                case BENEFICIAL_OWNER -> owners.add(party);
            }
        }
        return new CorporateProfile(dec(r, "name_ct", r.nameCt), dec(r, "address_ct", r.addressCt),
                dec(r, "business_scope_ct", r.businessScopeCt), dec(r, "credit_code_ct", r.creditCodeCt),
                dec(r, "legacy_org_code_ct", r.legacyOrgCodeCt), dec(r, "legacy_tax_number_ct", r.legacyTaxNumberCt),
                new Licence(dec(r, "licence_name_ct", r.licenceNameCt), dec(r, "licence_number_ct", r.licenceNumberCt),
                        r.licenceIssuedOn, r.licenceExpiresOn, r.licenceLongTerm),
                legal, controller, responsible, agents, owners,
                dec(r, "customer_source_ct", r.customerSourceCt), r.customerCategory, dec(r, "industry_ct", r.industryCt));
    }

    String encryptNote(CustomerRecord r, String note) {
        return enc(r, "verification_note_ct", note);
    }

    String decryptNote(CustomerRecord r) {
        return dec(r, "verification_note_ct", r.verificationNoteCt);
    }

    String snapshot(String customerId, long version, CustomerProfile profile) {
        return cipher.encrypt(customerId, new FieldRef(VERSIONS, "snapshot_ct", customerId + "#" + version),
                json.writeValueAsString(profile));
    }

    /**
     * Names (dotted paths, never values) of the profile fields that differ between two versions; a list of
     * related parties counts as one field. Empty when there is no earlier version.
     */
    List<String> changedFields(CustomerProfile before, CustomerProfile after) {
        if (before == null || after == null) {
            return List.of();
        }
        List<String> changed = new ArrayList<>();
        diff("", json.valueToTree(before), json.valueToTree(after), changed);
        return changed;
    }

    private static void diff(String prefix, JsonNode before, JsonNode after, List<String> changed) {
        java.util.Set<String> names = new java.util.LinkedHashSet<>(before.propertyNames());
        names.addAll(after.propertyNames());
        for (String name : names) {
            JsonNode a = before.get(name);
            JsonNode b = after.get(name);
            boolean aAbsent = a == null || a.isNull();
            boolean bAbsent = b == null || b.isNull();
            if ("type".equals(name) && prefix.isEmpty() || aAbsent && bAbsent || !aAbsent && a.equals(b)) {
                continue;
            }
            if (!aAbsent && !bAbsent && a.isObject() && b.isObject()) {
                diff(prefix + name + ".", a, b, changed);
            } else {
                changed.add(prefix + name);
            }
        }
    }

    CustomerProfile readSnapshot(VersionRecord v) {
        String plain = cipher.decrypt(v.customerId, new FieldRef(VERSIONS, "snapshot_ct", v.customerId + "#" + v.version),
                v.snapshotCt);
        return json.readValue(plain, CustomerProfile.class);
    }

    MaskedCustomer masked(CustomerRecord r, CustomerStatus status, CustomerProfile p) {
        return mask(r, r.version, status, p);
    }

    MaskedCustomer mask(CustomerRecord r, long version, CustomerStatus status, CustomerProfile p) {
        return mask(r, version, status, p, new VersionAttribution(r.updatedAt, r.updatedBy, r.verifiedAt,
                r.verifiedBy, r.closedOn), r.nextDocumentExpiry);
    }

    /** A kept version: its own editor, verifier and document expiry, not the current record's. */
    MaskedCustomer mask(CustomerRecord r, long version, CustomerStatus status, CustomerProfile p,
                        VersionAttribution a, java.time.LocalDate nextExpiry) {
        MaskedCustomer.MaskedDocument doc = null;
        String phone = null;
        String creditCode = null;
        MaskedCustomer.MaskedDocument licence = null;
        String name;
        switch (p) {
            case IndividualProfile i -> {
                name = masking.mask(MaskKind.NAME, i.name());
                IdentityDocument d = i.idDocument();
                doc = new MaskedCustomer.MaskedDocument(d.type().name(), masking.mask(MaskKind.ID_NUMBER, d.number()),
                        d.expiresOn(), d.hasNoExpiry() ? Boolean.TRUE : null);
                phone = masking.mask(MaskKind.PHONE, i.phone());
            }
            case CorporateProfile c -> {
                name = c.name();
                creditCode = masking.mask(MaskKind.CREDIT_CODE, c.unifiedSocialCreditCode());
                Licence l = c.licence();
                licence = new MaskedCustomer.MaskedDocument(l.name(), masking.mask(MaskKind.ID_NUMBER, l.number()),
                        l.expiresOn(), Boolean.TRUE.equals(l.longTerm()) ? Boolean.TRUE : null);
            }
        }
        return new MaskedCustomer(r.id, r.type, status, version, name, doc, phone, creditCode, licence,
                nextExpiry, r.createdAt, r.createdBy, a.updatedAt(), a.updatedBy(), a.verifiedAt(), a.verifiedBy(),
                a.closedOn());
    }

    private String enc(CustomerRecord r, String column, String value) {
        return cipher.encrypt(r.id, new FieldRef(CUSTOMERS, column, r.id), value);
    }

    private String dec(CustomerRecord r, String column, String value) {
        return cipher.decrypt(r.id, new FieldRef(CUSTOMERS, column, r.id), value);
    }
}
