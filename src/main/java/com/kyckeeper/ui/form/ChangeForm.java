package com.kyckeeper.ui.form;

/**
 * A change of details as typed. Every field is optional: a blank field keeps the current value, so the page
 * never has to reveal (and send back) the personal data it changes. {@code version} is the record version the
 * teller saw; the registry refuses the change if someone else changed the customer since.
 */
public class ChangeForm {
    private long version;
    private String occupation;
    private String address;
    private String habitualResidence;
    private String phone;
    private String email;
    private String registeredAddress;
    private String businessScope;
    private DocumentForm idDocument = new DocumentForm();
    private LicenceForm licence = new LicenceForm();

    public ChangeForm() {
        idDocument.setType(null);
    }

    public long getVersion() { return version; }
    public void setVersion(long version) { this.version = version; }
    public String getOccupation() { return occupation; }
    public void setOccupation(String occupation) { this.occupation = occupation; }
    public String getAddress() { return address; }
    public void setAddress(String address) { this.address = address; }
    public String getHabitualResidence() { return habitualResidence; }
    public void setHabitualResidence(String habitualResidence) { this.habitualResidence = habitualResidence; }
    public String getPhone() { return phone; }
    public void setPhone(String phone) { this.phone = phone; }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public String getRegisteredAddress() { return registeredAddress; }
    public void setRegisteredAddress(String registeredAddress) { this.registeredAddress = registeredAddress; }
    public String getBusinessScope() { return businessScope; }
    public void setBusinessScope(String businessScope) { this.businessScope = businessScope; }
    public DocumentForm getIdDocument() { return idDocument; }
    public void setIdDocument(DocumentForm idDocument) { this.idDocument = idDocument; }
    public LicenceForm getLicence() { return licence; }
    public void setLicence(LicenceForm licence) { this.licence = licence; }
}
