package com.kyckeeper.ui.form;

/** A related party of a company: name and identity document; the share only for beneficial owners. */
public class PartyForm {
    private String name;
    private DocumentForm idDocument = new DocumentForm();
    private String ownershipPercent;

    public boolean isBlank() {
        return Forms.blank(name) && Forms.blank(ownershipPercent) && (idDocument == null || idDocument.isBlank());
    }

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public DocumentForm getIdDocument() { return idDocument; }
    public void setIdDocument(DocumentForm idDocument) { this.idDocument = idDocument; }
    public String getOwnershipPercent() { return ownershipPercent; }
    public void setOwnershipPercent(String ownershipPercent) { this.ownershipPercent = ownershipPercent; }
}
