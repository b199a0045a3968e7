// First-party only: hide the cookie banner once accepted.
document.querySelectorAll('.cookie-banner button').forEach(function (b) {
  b.addEventListener('click', function () { b.closest('.cookie-banner').hidden = true; });
});
