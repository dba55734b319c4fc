package bot

import "errors"

// PermanentError is a failure that retrying will not mend, such as a token
// the platform refuses: the component that returns it stops instead of
// restarting, and Fix tells the operator what to change.
type PermanentError struct {
	Err error
	Fix string
}

func (e *PermanentError) Error() string {
	if e.Fix == "" {
		return e.Err.Error()
	}
	return e.Err.Error() + ": " + e.Fix
}

func (e *PermanentError) Unwrap() error { return e.Err }

// Permanent marks err as permanent with the fix an operator should make.
func Permanent(err error, fix string) error {
	if err == nil {
		return nil
	}
	return &PermanentError{Err: err, Fix: fix}
}

// IsPermanent reports whether err (or an error it wraps) is permanent.
func IsPermanent(err error) bool {
	var pe *PermanentError
	return errors.As(err, &pe)
}
