// CCCD check as the clerk types: 12 digits (citizen ID) or 10 digits, optionally "-xxx" (tax code). The message is
// written next to the field, as the server writes it; the server checks again (province code, birth year).
document.addEventListener('DOMContentLoaded', function () {
  document.querySelectorAll('[data-cccd] input').forEach(function (input) {
    var field = input.closest('[data-cccd]');
    function check(final) {
      var value = input.value.trim();
      var error = document.getElementById(input.id + '-error');
      var ok = /^(\d{12}|\d{10}(-\d{3})?)$/.test(value);
      // While typing only a wrong character is an error; once the field is left, a short number is too.
      var wrong = /[^\d-]/.test(value) || value.length > 14 || (final && value !== '' && !ok);
      if (wrong) {
        if (!error) {
          error = document.createElement('p');
          error.id = input.id + '-error';
          error.className = 'field-error';
          error.setAttribute('aria-live', 'polite');
          field.appendChild(error);
        }
        error.textContent = input.dataset.message;
        field.classList.add('invalid');
        input.setAttribute('aria-invalid', 'true');
      } else if (error && (ok || value === '' || !final)) {
        error.remove();
        field.classList.remove('invalid');
        input.setAttribute('aria-invalid', 'false');
      }
    }
    input.addEventListener('input', function () { check(false); });
    input.addEventListener('blur', function () { check(true); });
  });
});
