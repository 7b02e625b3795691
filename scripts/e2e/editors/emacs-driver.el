;; Loaded after the README's recipe (emacs --batch -l init.el -l emacs-driver.el): opens $READINESS_FILE, waits
;; for Flymake's diagnostics from eglot and writes them to $OUT, one "CODE LINE MESSAGE" per line.
;; Exits 1 when none arrive within $TIMEOUT_MS.

;; An interactive Emacs activates the installed packages (Debian's elpa-*) at startup; a batch one does not.
(package-activate-all)

(let* ((buffer (find-file (getenv "READINESS_FILE")))
       (deadline (+ (float-time) (/ (string-to-number (or (getenv "TIMEOUT_MS") "20000")) 1000.0)))
       (lines ()))
  (with-current-buffer buffer
    (let (diagnostics)
      ;; eglot connects after the next command, and Flymake starts its backends once the buffer is displayed: a
      ;; batch Emacs has no command loop and no display, so the loop runs their hooks as those would.
      (while (and (null (setq diagnostics (flymake-diagnostics))) (< (float-time) deadline))
        (run-hooks 'post-command-hook 'window-configuration-change-hook)
        (accept-process-output nil 0.1))
      (dolist (d diagnostics)
        ;; eglot writes the message as "SOURCE [CODE]: MESSAGE".
        (let ((text (flymake-diagnostic-text d)))
          (push (format "%s %d %s"
                        (if (string-match "\\[\\([^]]+\\)\\]" text) (match-string 1 text) "nil")
                        (line-number-at-pos (flymake-diagnostic-beg d))
                        (replace-regexp-in-string "\n" " " text))
                lines)))))
  (unless lines
    ;; Say why: the server's stderr and the end of the JSON-RPC log.
    (dolist (b (buffer-list))
      (when (string-match-p "EGLOT" (buffer-name b))
        (with-current-buffer b
          (message "=== %s\n%s" (buffer-name b) (buffer-substring-no-properties (max (point-min) (- (point-max) 4000)) (point-max)))))))
  (with-temp-file (getenv "OUT") (dolist (line (nreverse lines)) (insert line "\n")))
  ;; The server may still be asking for settings: stop it without answering, so the exit code is the test's.
  (dolist (process (process-list))
    (set-process-filter process #'ignore)
    (set-process-sentinel process #'ignore)
    (delete-process process))
  (kill-emacs (if lines 0 1)))
