/** Form-backing beans of the web UI: raw text as typed, converted and validated by the module APIs. */
package com.kyckeeper.ui.form;
