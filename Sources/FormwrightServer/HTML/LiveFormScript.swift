/// The small script that makes forms live: on every change it sends the draft to the form's
/// `evaluate` endpoint and shows or hides fields, marks required ones and locks read-only ones.
/// The form works without it; the server checks everything again on submit.
enum LiveFormScript {
    static let source = """
        (function () {
          var form = document.querySelector("form[data-evaluate]");
          if (!form || !window.fetch) return;
          var pending = null;
          function draft() {
            var values = {};
            form.querySelectorAll("[data-field]").forEach(function (box) {
              var name = box.getAttribute("data-field");
              var inputs = box.querySelectorAll("[name='" + name + "']");
              var checks = box.querySelectorAll("input[type=checkbox][name='" + name + "']");
              if (checks.length > 1 || (checks.length === 1 && inputs.length === 1)) {
                values[name] = Array.prototype.filter.call(checks, function (c) { return c.checked; }).map(function (c) { return c.value; });
              } else if (checks.length === 1) {
                values[name] = checks[0].checked;
              } else if (inputs.length > 0 && inputs[0].value !== "") {
                values[name] = inputs[0].value;
              }
            });
            return values;
          }
          function apply(state) {
            (state.fields || []).forEach(function (field) {
              var box = form.querySelector("[data-field='" + field.name + "']");
              if (!box) return;
              box.hidden = !field.visible;
              var marker = box.querySelector(".required");
              var label = box.querySelector("label");
              if (field.required && !marker && label) {
                marker = document.createElement("span");
                marker.className = "required";
                marker.textContent = " *";
                label.appendChild(marker);
              } else if (!field.required && marker) {
                marker.remove();
              }
              box.querySelectorAll("input,select,textarea").forEach(function (input) {
                if (input.type !== "hidden") input.readOnly = field.readonly;
              });
            });
          }
          function evaluate() {
            fetch(form.getAttribute("data-evaluate"), {
              method: "POST", credentials: "same-origin",
              headers: { "Content-Type": "application/json" },
              body: JSON.stringify(draft())
            }).then(function (response) { return response.ok ? response.json() : null; })
              .then(function (state) { if (state) apply(state); })
              .catch(function () {});
          }
          form.addEventListener("input", function () { clearTimeout(pending); pending = setTimeout(evaluate, 150); });
          form.addEventListener("change", evaluate);
          evaluate();
        })();
        """
}
