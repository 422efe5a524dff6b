# The agreement register, page, form and life-cycle sections (src/ui/agreement_*.rs).

agreement-form-duty-due-error = Enter the deadline as dd/mm, for example 15/12; leave it empty if once a year at any time is enough.
