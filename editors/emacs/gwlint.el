;;; gwlint.el --- 用 eglot 连接 gwlint 语言服务器  -*- lexical-binding: t; -*-

;; 用法：把本文件的内容加进 init.el，或者在 init.el 里写 (load "/path/to/gwlint.el")。
;;
;; Emacs 29 起自带 eglot。Emacs 28（如 Debian 12）要先装 eglot：
;;   apt install elpa-eglot        ; 或 M-x package-install RET eglot RET
;; Markdown 文件需要 markdown-mode（apt install elpa-markdown-mode，或从 MELPA 安装）；
;; .txt 文件用 Emacs 自带的 text-mode。
;;
;; 测试于 Emacs 28.2 + eglot 1.9 + markdown-mode 2.5（Debian 12 的 emacs-nox、elpa-eglot、
;; elpa-markdown-mode 软件包），见 tools/editor-smoke.sh。

;;; Code:

(with-eval-after-load 'eglot
  (add-to-list 'eglot-server-programs
               '((markdown-mode text-mode) . ("gwlint" "lsp"))))

;; 打开 Markdown 和纯文本文件时自动连接 gwlint。只认这几种模式本身：
;; org-mode 等许多模式也派生自 text-mode，不应交给 gwlint。
(defun gwlint-eglot-ensure ()
  "在 Markdown 和纯文本缓冲区中启动 eglot（gwlint）。"
  (when (memq major-mode '(markdown-mode gfm-mode text-mode))
    (eglot-ensure)))
(add-hook 'text-mode-hook #'gwlint-eglot-ensure)

(defun gwlint-fix-all ()
  "应用 gwlint 的全部安全修复（与 gwlint check --fix 相同）。"
  (interactive)
  (eglot-code-actions (point-min) (point-max) "source.fixAll.gwlint" t))

;;; gwlint.el ends here
