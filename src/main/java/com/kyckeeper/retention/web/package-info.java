/** HTTP endpoints of retention: legal holds, purge runs and certificates, the retention report. */
package com.kyckeeper.retention.web;
