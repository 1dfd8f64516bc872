package com.kyckeeper.ui.form;

/**
 * The counter's cash transaction form. Property names follow the API's fields; the time of the
 * transaction is entered as a date and a time in the business zone and sent as {@code occurredAt}.
 * {@code reference} is generated with the form, so a second submit of the same form is the same transaction.
 */
public class CashForm {
    private String reference;
    private String customerId;
    private String direction = "DEPOSIT";
    private String amount;
    private String currency = "CNY";
    private String date;
    private String time;
    private String branch;
    private String sourceOfFunds;
    private String purpose;

    public String getReference() { return reference; }
    public void setReference(String reference) { this.reference = reference; }
    public String getCustomerId() { return customerId; }
    public void setCustomerId(String customerId) { this.customerId = customerId; }
    public String getDirection() { return direction; }
    public void setDirection(String direction) { this.direction = direction; }
    public String getAmount() { return amount; }
    public void setAmount(String amount) { this.amount = amount; }
    public String getCurrency() { return currency; }
    public void setCurrency(String currency) { this.currency = currency; }
    public String getDate() { return date; }
    public void setDate(String date) { this.date = date; }
    public String getTime() { return time; }
    public void setTime(String time) { this.time = time; }
    public String getBranch() { return branch; }
    public void setBranch(String branch) { this.branch = branch; }
    public String getSourceOfFunds() { return sourceOfFunds; }
    public void setSourceOfFunds(String sourceOfFunds) { this.sourceOfFunds = sourceOfFunds; }
    public String getPurpose() { return purpose; }
    public void setPurpose(String purpose) { this.purpose = purpose; }
}
