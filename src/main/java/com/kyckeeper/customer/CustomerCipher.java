package com.kyckeeper.customer;

import static com.kyckeeper.customer.CustomerColumn.*;

import com.kyckeeper.crypto.BlindIndex;
import com.kyckeeper.crypto.FieldCipher;
import com.kyckeeper.crypto.FieldRef;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Maps profiles to rows and back. Every personal value is encrypted with the customer's own data
 * key and bound to its table, column and row (the columns are those of {@link CustomerColumn});
 * document numbers and credit codes also get a blind index. The only place that writes plaintext into rows.
 */
@Component
class CustomerCipher {

    static final String CREDIT_CODE_INDEX = "CREDIT_CODE";

    private final FieldCipher cipher;
    private final BlindIndex index;

    CustomerCipher(FieldCipher cipher, BlindIndex index) {
        this.cipher = cipher;
        this.index = index;
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
        put(r, NAME, profile.name());
        r.customerCategory = profile.customerCategory();
        r.nextDocumentExpiry = profile.nextExpiry().orElse(null);
        switch (profile) {
            case IndividualProfile p -> writeIndividual(r, p);
            case CorporateProfile p -> writeCorporate(r, p);
        }
    }

    private void writeIndividual(CustomerRecord r, IndividualProfile p) {
        put(r, GENDER, p.gender().name());
        put(r, NATIONALITY, p.nationality());
        put(r, OCCUPATION, p.occupation());
        put(r, ADDRESS, p.address());
        put(r, HABITUAL_RESIDENCE, p.habitualResidence());
        put(r, PHONE, p.phone());
        put(r, EMAIL, p.email());
        IdentityDocument d = p.idDocument();
        r.docType = d.type();
        put(r, DOC_NUMBER, d.number());
        r.docNumberBidx = documentIndex(d.type(), d.number());
        r.docIssuedOn = d.issuedOn();
        r.docExpiresOn = d.expiresOn();
        r.docLongTerm = d.hasNoExpiry();
        put(r, CUSTOMER_SOURCE, p.customerSource());
        put(r, INDUSTRY, p.industry());
    }

    private void writeCorporate(CustomerRecord r, CorporateProfile p) {
        put(r, ADDRESS, p.registeredAddress());
        put(r, BUSINESS_SCOPE, p.businessScope());
        put(r, CREDIT_CODE, p.unifiedSocialCreditCode());
        r.creditCodeBidx = p.unifiedSocialCreditCode() == null ? null : creditCodeIndex(p.unifiedSocialCreditCode());
        put(r, LEGACY_ORG_CODE, p.legacyOrganizationCode());
        put(r, LEGACY_TAX_NUMBER, p.legacyTaxRegistrationNumber());
        Licence l = p.licence();
        put(r, LICENCE_NAME, l.name());
        put(r, LICENCE_NUMBER, l.number());
        r.licenceIssuedOn = l.issuedOn();
        r.licenceExpiresOn = l.expiresOn();
        r.licenceLongTerm = Boolean.TRUE.equals(l.longTerm());
        put(r, CUSTOMER_SOURCE, p.customerSource());
        put(r, INDUSTRY, p.industry());
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
        pr.nameCt = cipher.encrypt(owner.id, partyField(PARTY_NAME, pr.id), party.party().name());
        pr.docType = d.type();
        pr.docNumberCt = cipher.encrypt(owner.id, partyField(PARTY_DOC_NUMBER, pr.id), d.number());
        pr.docNumberBidx = documentIndex(d.type(), d.number());
        pr.docIssuedOn = d.issuedOn();
        pr.docExpiresOn = d.expiresOn();
        pr.docLongTerm = d.hasNoExpiry();
        pr.ownershipPercent = party.party().ownershipPercent();
        return pr;
    }

    CustomerProfile read(CustomerRecord r) {
        return switch (r.type) {
            case INDIVIDUAL -> new IndividualProfile(get(r, NAME), Gender.valueOf(get(r, GENDER)), get(r, NATIONALITY),
                    get(r, OCCUPATION), get(r, ADDRESS), get(r, HABITUAL_RESIDENCE), get(r, PHONE), get(r, EMAIL),
                    new IdentityDocument(r.docType, get(r, DOC_NUMBER), r.docIssuedOn, r.docExpiresOn, r.docLongTerm),
                    get(r, CUSTOMER_SOURCE), r.customerCategory, get(r, INDUSTRY));
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
                .sorted(Comparator.comparing((PartyRecord p) -> p.role).thenComparingInt(p -> p.position))
                .toList();
        for (PartyRecord pr : sorted) {
            RelatedParty party = new RelatedParty(
                    cipher.decrypt(r.id, partyField(PARTY_NAME, pr.id), pr.nameCt),
                    new IdentityDocument(pr.docType, cipher.decrypt(r.id, partyField(PARTY_DOC_NUMBER, pr.id), pr.docNumberCt),
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
        return new CorporateProfile(get(r, NAME), get(r, ADDRESS), get(r, BUSINESS_SCOPE), get(r, CREDIT_CODE),
                get(r, LEGACY_ORG_CODE), get(r, LEGACY_TAX_NUMBER),
                new Licence(get(r, LICENCE_NAME), get(r, LICENCE_NUMBER), r.licenceIssuedOn, r.licenceExpiresOn,
                        r.licenceLongTerm),
                legal, controller, responsible, agents, owners, get(r, CUSTOMER_SOURCE), r.customerCategory,
                get(r, INDUSTRY));
    }

    void writeNote(CustomerRecord r, String note) {
        put(r, VERIFICATION_NOTE, note);
    }

    String readNote(CustomerRecord r) {
        return get(r, VERIFICATION_NOTE);
    }

    /** The plaintext of one column of the customer row (key rotation re-derives blind indexes from it). */
    String decrypt(String owner, CustomerColumn c, String ciphertext) {
        return cipher.decrypt(owner, field(c, owner), ciphertext);
    }

    static FieldRef field(CustomerColumn c, String customerId) {
        return new FieldRef(c.table.sqlName, c.column, customerId);
    }

    static FieldRef partyField(CustomerColumn c, String partyId) {
        return new FieldRef(c.table.sqlName, c.column, partyId);
    }

    private void put(CustomerRecord r, CustomerColumn c, String value) {
        c.store(r, cipher.encrypt(r.id, field(c, r.id), value));
    }

    private String get(CustomerRecord r, CustomerColumn c) {
        return cipher.decrypt(r.id, field(c, r.id), c.ciphertextOf(r));
    }
}
