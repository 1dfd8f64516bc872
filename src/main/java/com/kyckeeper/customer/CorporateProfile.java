package com.kyckeeper.customer;

import com.kyckeeper.shared.Text;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/** A legal person, other organisation or individual business (法人、其他组织、个体工商户). */
public record CorporateProfile(String name, String registeredAddress, String businessScope,
                               String unifiedSocialCreditCode, String legacyOrganizationCode,
                               String legacyTaxRegistrationNumber, Licence licence,
                               RelatedParty legalRepresentative, RelatedParty controllingShareholder,
                               RelatedParty responsiblePerson, List<RelatedParty> authorizedAgents,
                               List<RelatedParty> beneficialOwners,
                               String customerSource, String customerCategory, String industry)
        implements CustomerProfile {

    @Override
    public CustomerType customerType() {
        return CustomerType.CORPORATE;
    }

    @Override
    public Optional<IdentityDocument> primaryDocument() {
        return Optional.empty();
    }

    /** All related parties with their roles, in a stable order. */
    public List<Party> parties() {
        List<Party> all = new ArrayList<>();
        add(all, PartyRole.LEGAL_REPRESENTATIVE, legalRepresentative, 0);
        add(all, PartyRole.CONTROLLING_SHAREHOLDER, controllingShareholder, 0);
        add(all, PartyRole.RESPONSIBLE_PERSON, responsiblePerson, 0);
        for (int i = 0; authorizedAgents != null && i < authorizedAgents.size(); i++) {
            add(all, PartyRole.AUTHORIZED_AGENT, authorizedAgents.get(i), i);
        }
        for (int i = 0; beneficialOwners != null && i < beneficialOwners.size(); i++) {
            add(all, PartyRole.BENEFICIAL_OWNER, beneficialOwners.get(i), i);
        }
        return all;
    }

    public record Party(PartyRole role, int position, RelatedParty party) {
    }

    private static void add(List<Party> all, PartyRole role, RelatedParty p, int position) {
        if (p != null) {
            all.add(new Party(role, position, p));
        }
    }

    @Override
    public List<LocalDate> expiryDates() {
        Stream<Optional<LocalDate>> licenceExpiry = Stream.of(licence == null ? Optional.empty() : licence.expiry());
        Stream<Optional<LocalDate>> partyExpiry = parties().stream()
                .map(p -> p.party().idDocument() == null ? Optional.<LocalDate>empty() : p.party().idDocument().expiry());
        return Stream.concat(licenceExpiry, partyExpiry).flatMap(Optional::stream).toList();
    }

    @Override
    public CorporateProfile validated(LocalDate today, ProfileLimits limits) {
        Violations v = new Violations();
        String n = v.check("name", () -> Text.required(name, 200));
        String addr = v.check("registeredAddress", () -> Text.required(registeredAddress, 300));
        String scope = v.check("businessScope", () -> Text.required(businessScope, 2000));
        String code = null;
        String orgCode = null;
        String taxNo = null;
        boolean legacy = legacyOrganizationCode != null || legacyTaxRegistrationNumber != null;
        if (unifiedSocialCreditCode != null || !legacy) {
            code = v.check("unifiedSocialCreditCode", () -> UnifiedSocialCreditCode.parse(unifiedSocialCreditCode).value());
        }
        if (legacy) {
            orgCode = v.check("legacyOrganizationCode", () -> OrganizationCode.parse(legacyOrganizationCode).value());
            taxNo = v.check("legacyTaxRegistrationNumber", () -> {
                String t = Text.required(legacyTaxRegistrationNumber, 20).toUpperCase(java.util.Locale.ROOT);
                if (!t.matches("[0-9A-Z]{15,20}")) {
                    throw new com.kyckeeper.shared.InvalidFieldException("must be 15 to 20 letters or digits");
                }
                return t;
            });
        }
        Licence lic = Licence.validated(licence, "licence", v, today);
        RelatedParty legalRep = RelatedParty.validated(legalRepresentative, "legalRepresentative", v, today, false);
        RelatedParty controller = RelatedParty.validated(controllingShareholder, "controllingShareholder", v, today, false);
        RelatedParty responsible = responsiblePerson == null ? null
                : RelatedParty.validated(responsiblePerson, "responsiblePerson", v, today, false);
        List<RelatedParty> agents = list(authorizedAgents, "authorizedAgents", limits.maxAuthorizedAgents(), false, v, today);
        List<RelatedParty> owners = list(beneficialOwners, "beneficialOwners", limits.maxBeneficialOwners(), true, v, today);
        if (beneficialOwners == null || beneficialOwners.isEmpty()) {
            v.add("beneficialOwners", "at least one beneficial owner is required");
        } else if (!v.has("beneficialOwners")) {
            BigDecimal total = owners.stream().map(RelatedParty::ownershipPercent).filter(Objects::nonNull)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            if (total.compareTo(BigDecimal.valueOf(100)) > 0) {
                v.add("beneficialOwners", "ownership shares add up to more than 100");
            }
        }
        String source = v.check("customerSource", () -> Text.optional(customerSource, 100));
        String category = v.check("customerCategory", () -> IndividualProfile.Fields.code(customerCategory));
        String ind = v.check("industry", () -> Text.optional(industry, 100));
        v.throwIfAny();
        return new CorporateProfile(n, addr, scope, code, orgCode, taxNo, lic, legalRep, controller, responsible,
                agents, owners, source, category, ind);
    }

    private static List<RelatedParty> list(List<RelatedParty> raw, String path, int max, boolean owners,
                                           Violations v, LocalDate today) {
        if (raw == null) {
            return List.of();
        }
        if (raw.size() > max) {
            v.add(path, "at most " + max + " entries");
            return List.of();
        }
        List<RelatedParty> out = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            out.add(RelatedParty.validated(raw.get(i), path + "[" + i + "]", v, today, owners));
        }
        return out;
    }
}
