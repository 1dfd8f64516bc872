/** HTTP endpoints of the audit module (api.md, Audit): auditor queries, exports, integrity. */
package com.kyckeeper.audit.web;
