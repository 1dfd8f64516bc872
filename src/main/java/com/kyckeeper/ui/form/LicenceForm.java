package com.kyckeeper.ui.form;

/** The licence proving lawful establishment (e.g. 营业执照): name, number, validity. */
public class LicenceForm {
    private String name;
    private String number;
    private String issuedOn;
    private String expiresOn;
    private boolean longTerm;

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getNumber() { return number; }
    public void setNumber(String number) { this.number = number; }
    public String getIssuedOn() { return issuedOn; }
    public void setIssuedOn(String issuedOn) { this.issuedOn = issuedOn; }
    public String getExpiresOn() { return expiresOn; }
    public void setExpiresOn(String expiresOn) { this.expiresOn = expiresOn; }
    public boolean isLongTerm() { return longTerm; }
    public void setLongTerm(boolean longTerm) { this.longTerm = longTerm; }
}
