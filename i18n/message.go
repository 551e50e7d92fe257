package i18n

import "errors"

func asMessage(err error, m *Message) bool { return errors.As(err, m) }
