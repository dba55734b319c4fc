package extract

func variantCases() []attackCase { return nil }
