;;; datalint.el --- datalint for Emacs through eglot  -*- lexical-binding: t; -*-
;; Load this file (with `datalint' on PATH), then open a .jsonl file and run M-x eglot.

(require 'eglot)

(define-derived-mode jsonl-mode prog-mode "JSONL"
  "Major mode for JSON Lines datasets; one JSON record per line.")

(add-to-list 'auto-mode-alist '("\\.\\(jsonl\\|ndjson\\)\\'" . jsonl-mode))
(add-to-list 'eglot-server-programs '(jsonl-mode . ("datalint" "serve")))

(provide 'datalint)
;;; datalint.el ends here
