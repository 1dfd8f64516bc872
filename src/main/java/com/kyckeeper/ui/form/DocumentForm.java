package com.kyckeeper.ui.form;

/** An identity document as typed: type, number, validity (dates as YYYY-MM-DD text). */
public class DocumentForm {
    private String type = "RESIDENT_ID_CARD";
    private String number;
    private String issuedOn;
    private String expiresOn;
    private boolean longTerm;

    public boolean isBlank() {
        return Forms.blank(number) && Forms.blank(issuedOn) && Forms.blank(expiresOn) && !longTerm;
    }

    public String getType() { return type; }
    public void setType(String type) { this.type = type; }
    public String getNumber() { return number; }
    public void setNumber(String number) { this.number = number; }
    public String getIssuedOn() { return issuedOn; }
    public void setIssuedOn(String issuedOn) { this.issuedOn = issuedOn; }
    public String getExpiresOn() { return expiresOn; }
    public void setExpiresOn(String expiresOn) { this.expiresOn = expiresOn; }
    public boolean isLongTerm() { return longTerm; }
    public void setLongTerm(boolean longTerm) { this.longTerm = longTerm; }
}
