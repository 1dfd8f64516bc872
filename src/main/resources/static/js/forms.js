/*
 * Inline checks for forms marked data-validate, mirroring the server's rules so mistakes are caught
 * before submitting (the server checks again and its errors are shown per field). Messages come
 * from the page's language bundle via data-msg-* attributes. No inline script: CSP script-src 'self'.
 */
(function () {
  'use strict';

  var RESIDENT_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  var CREDIT_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  var CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  var ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

  function today() {
    var d = new Date();
    return new Date(d.getFullYear(), d.getMonth(), d.getDate());
  }

  /** A real calendar date from YYYY-MM-DD or YYYYMMDD, else null. */
  function parseDate(text) {
    var m = /^(\d{4})-?(\d{2})-?(\d{2})$/.exec(text);
    if (!m) { return null; }
    var y = +m[1], mo = +m[2], d = +m[3];
    var date = new Date(y, mo - 1, d);
    return date.getFullYear() === y && date.getMonth() === mo - 1 && date.getDate() === d ? date : null;
  }

  /** GB 11643-1999: 'format' | 'birth' | 'check' | null when valid. */
  function residentIdProblem(raw) {
    var n = raw.toUpperCase();
    if (!/^\d{17}[\dX]$/.test(n)) { return 'format'; }
    var birth = parseDate(n.substr(6, 8));
    if (!birth || birth > today() || birth.getFullYear() < 1850) { return 'birth'; }
    var sum = 0;
    for (var i = 0; i < 17; i++) { sum += (+n.charAt(i)) * RESIDENT_WEIGHTS[i]; }
    return '10X98765432'.charAt(sum % 11) === n.charAt(17) ? null : 'check';
  }

  /** GB 32100-2015 with the embedded organisation code check: true when valid. */
  function creditCodeValid(raw) {
    var c = raw.toUpperCase();
    if (c.length !== 18) { return false; }
    var sum = 0;
    for (var i = 0; i < 17; i++) {
      var v = CREDIT_CHARS.indexOf(c.charAt(i));
      if (v < 0) { return false; }
      sum += v * CREDIT_WEIGHTS[i];
    }
    var check = 31 - sum % 31;
    if (CREDIT_CHARS.charAt(check === 31 ? 0 : check) !== c.charAt(17)) { return false; }
    var org = c.substr(8, 9), s = 0;
    for (var j = 0; j < 8; j++) {
      var ch = org.charAt(j);
      var val = /\d/.test(ch) ? +ch : ch.charCodeAt(0) - 55;
      s += val * ORG_WEIGHTS[j];
    }
    var oc = 11 - s % 11;
    return (oc === 10 ? 'X' : oc === 11 ? '0' : String(oc)) === org.charAt(8);
  }

  /** The document type select next to a number input: same id prefix, "-type" instead of "-number". */
  function documentTypeOf(input) {
    var sel = document.getElementById(input.id.replace(/-number$/, '-type'));
    return sel ? sel.value : null;
  }

  function longTermOf(input) {
    var box = document.getElementById(input.id.replace(/-expiresOn$/, '-longTerm'));
    return box ? box.checked : false;
  }

  /** Rows other than the first of a repeated group are optional unless something in them is filled. */
  function groupFilled(input) {
    var fs = input.closest('fieldset.party');
    if (!fs || !fs.closest('.rows') && !/responsiblePerson/.test(input.id)) { return true; }
    var any = false;
    fs.querySelectorAll('input[type=text]').forEach(function (i) { if (i.value.trim() !== '') { any = true; } });
    return any;
  }

  function check(form, input) {
    var msg = function (key) { return form.getAttribute('data-msg-' + key) || key; };
    var v = (input.value || '').trim();
    var kind = input.getAttribute('data-check');
    if (input.required && v === '') { return msg('required'); }
    if (kind === 'expiry') {
      if (!groupFilled(input)) { return null; }
      if (v === '') { return longTermOf(input) ? null : msg('expiry'); }
      var exp = parseDate(v);
      if (!exp) { return msg('date'); }
      return exp < today() ? msg('expired') : null;
    }
    // Optional parties (responsible person, extra rows): once anything in them is typed, name and number are needed.
    if (v === '' && !input.required && input.closest('fieldset.party') && /(-name|-idDocument-number)$/.test(input.id)
        && groupFilled(input)) { return msg('required'); }
    if (v === '') { return null; }
    switch (kind) {
      case 'document-number':
        if (documentTypeOf(input) === 'RESIDENT_ID_CARD') {
          var p = residentIdProblem(v);
          return p === 'format' ? msg('format') : p === 'birth' ? msg('birth') : p === 'check' ? msg('check') : null;
        }
        return null;
      case 'credit-code': return creditCodeValid(v) ? null : msg('credit');
      case 'date-past':
        var d = parseDate(v);
        return !d ? msg('date') : d > today() ? msg('future') : null;
      case 'phone': return /^\+?\d{5,19}$/.test(v) ? null : msg('phone');
      case 'email': return /^[^@\s]{1,64}@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$/.test(v) ? null : msg('email');
      case 'country': return /^[A-Za-z]{3}$/.test(v) ? null : msg('country');
      case 'percent':
        var n = Number(v);
        return /^\d{1,3}(\.\d{1,2})?$/.test(v) && n > 0 && n <= 100 ? null : msg('percent');
      case 'gender':
        var id = document.getElementById('idDocument-number');
        var type = document.getElementById('idDocument-type');
        if (id && type && type.value === 'RESIDENT_ID_CARD' && residentIdProblem(id.value.trim()) === null) {
          var male = (+id.value.trim().charAt(16)) % 2 === 1;
          return (v === 'MALE') === male ? null : msg('gender');
        }
        return null;
      default: return null;
    }
  }

  function show(input, message) {
    var err = document.getElementById(input.id + '-error');
    if (err) { err.textContent = message || ''; }
    var field = input.closest('.field');
    if (message) {
      input.setAttribute('aria-invalid', 'true');
      if (field) { field.classList.add('invalid'); }
    } else {
      input.removeAttribute('aria-invalid');
      if (field) { field.classList.remove('invalid'); }
    }
  }

  function fields(form) {
    return form.querySelectorAll('input[type=text][id], select[id]');
  }

  function setUp(form) {
    fields(form).forEach(function (input) {
      input.addEventListener('blur', function () {
        if (input.value !== '' || input.getAttribute('aria-invalid') === 'true') { show(input, check(form, input)); }
      });
    });
    form.addEventListener('submit', function (event) {
      if (event.submitter && event.submitter.hasAttribute('formnovalidate')) { return; }
      var first = null;
      fields(form).forEach(function (input) {
        var message = check(form, input);
        show(input, message);
        if (message && !first) { first = input; }
      });
      var summary = form.querySelector('.js-summary');
      if (first) {
        event.preventDefault();
        if (summary) { summary.textContent = form.getAttribute('data-msg-summary'); summary.hidden = false; }
        first.focus();
      } else if (summary) {
        summary.hidden = true;
      }
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('form[data-validate]').forEach(setUp);
    // After the server refused a form, start the keyboard at the first field it marked.
    var firstBad = document.querySelector('form[data-validate] .field.invalid input, form[data-validate] .field.invalid select');
    if (firstBad) { firstBad.focus(); }
  });

  // For tests in a real browser (and the curious): the same checks the forms use.
  window.kycChecks = { residentIdProblem: residentIdProblem, creditCodeValid: creditCodeValid };
}());
