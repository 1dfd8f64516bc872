package com.kyckeeper.ui.form;

import java.util.ArrayList;
import java.util.List;

/** Registration of a legal person or other organisation with its related parties (domain.md §1). */
public class CompanyForm {
    private String name;
    private String registeredAddress;
    private String businessScope;
    private String unifiedSocialCreditCode;
    private LicenceForm licence = new LicenceForm();
    private PartyForm legalRepresentative = new PartyForm();
    private PartyForm controllingShareholder = new PartyForm();
    private PartyForm responsiblePerson = new PartyForm();
    private List<PartyForm> authorizedAgents = new ArrayList<>(List.of(new PartyForm()));
    private List<PartyForm> beneficialOwners = new ArrayList<>(List.of(new PartyForm()));
    private String customerSource;
    private String customerCategory;
    private String industry;

    /** Drops rows left entirely blank (keeping one to show), so list indexes match what is sent. */
    public void dropBlankRows() {
        authorizedAgents.removeIf(p -> p == null || p.isBlank());
        beneficialOwners.removeIf(p -> p == null || p.isBlank());
    }

    public void ensureRows() {
        if (authorizedAgents.isEmpty()) {
            authorizedAgents.add(new PartyForm());
        }
        if (beneficialOwners.isEmpty()) {
            beneficialOwners.add(new PartyForm());
        }
    }

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getRegisteredAddress() { return registeredAddress; }
    public void setRegisteredAddress(String registeredAddress) { this.registeredAddress = registeredAddress; }
    public String getBusinessScope() { return businessScope; }
    public void setBusinessScope(String businessScope) { this.businessScope = businessScope; }
    public String getUnifiedSocialCreditCode() { return unifiedSocialCreditCode; }
    public void setUnifiedSocialCreditCode(String code) { this.unifiedSocialCreditCode = code; }
    public LicenceForm getLicence() { return licence; }
    public void setLicence(LicenceForm licence) { this.licence = licence; }
    public PartyForm getLegalRepresentative() { return legalRepresentative; }
    public void setLegalRepresentative(PartyForm p) { this.legalRepresentative = p; }
    public PartyForm getControllingShareholder() { return controllingShareholder; }
    public void setControllingShareholder(PartyForm p) { this.controllingShareholder = p; }
    public PartyForm getResponsiblePerson() { return responsiblePerson; }
    public void setResponsiblePerson(PartyForm p) { this.responsiblePerson = p; }
    public List<PartyForm> getAuthorizedAgents() { return authorizedAgents; }
    public void setAuthorizedAgents(List<PartyForm> list) { this.authorizedAgents = list; }
    public List<PartyForm> getBeneficialOwners() { return beneficialOwners; }
    public void setBeneficialOwners(List<PartyForm> list) { this.beneficialOwners = list; }
    public String getCustomerSource() { return customerSource; }
    public void setCustomerSource(String customerSource) { this.customerSource = customerSource; }
    public String getCustomerCategory() { return customerCategory; }
    public void setCustomerCategory(String customerCategory) { this.customerCategory = customerCategory; }
    public String getIndustry() { return industry; }
    public void setIndustry(String industry) { this.industry = industry; }
}
