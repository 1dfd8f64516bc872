package com.kyckeeper.ui.form;

/** Registration of a natural person (domain.md §1); property paths match the API's field names. */
public class IndividualForm {
    private String name;
    private String gender;
    private String nationality = "CHN";
    private String occupation;
    private String address;
    private String habitualResidence;
    private String phone;
    private String email;
    private DocumentForm idDocument = new DocumentForm();
    private String customerSource;
    private String customerCategory;
    private String industry;

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getGender() { return gender; }
    public void setGender(String gender) { this.gender = gender; }
    public String getNationality() { return nationality; }
    public void setNationality(String nationality) { this.nationality = nationality; }
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
    public DocumentForm getIdDocument() { return idDocument; }
    public void setIdDocument(DocumentForm idDocument) { this.idDocument = idDocument; }
    public String getCustomerSource() { return customerSource; }
    public void setCustomerSource(String customerSource) { this.customerSource = customerSource; }
    public String getCustomerCategory() { return customerCategory; }
    public void setCustomerCategory(String customerCategory) { this.customerCategory = customerCategory; }
    public String getIndustry() { return industry; }
    public void setIndustry(String industry) { this.industry = industry; }
}
