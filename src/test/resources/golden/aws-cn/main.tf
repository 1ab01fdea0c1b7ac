# Rolegate connection c0a8012e-china: 北京 exports
# Apply with credentials of AWS account 111122223333.

terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 5.0"
    }
  }
}

provider "aws" {
  region = "cn-north-1"
}

resource "aws_iam_role" "rolegate" {
  name                 = "rolegate-c0a8012e-china"
  description          = "Read access for Rolegate connection c0a8012e-china"
  max_session_duration = 3600
  assume_role_policy   = <<EOT
{
  "Version" : "2012-10-17",
  "Statement" : {
    "Sid" : "RolegateAssumeRoleWithExternalId",
    "Effect" : "Allow",
    "Principal" : {
      "AWS" : "arn:aws-cn:iam::999988887777:root"
    },
    "Action" : "sts:AssumeRole",
    "Condition" : {
      "StringEquals" : {
        "sts:ExternalId" : "rg-chinacase44444444444444444444444"
      }
    }
  }
}
EOT
}

resource "aws_iam_role_policy" "rolegate_read" {
  name   = "rolegate-read"
  role   = aws_iam_role.rolegate.id
  policy = <<EOT
{
  "Version" : "2012-10-17",
  "Statement" : [ {
    "Sid" : "ListPrefix1",
    "Effect" : "Allow",
    "Action" : [ "s3:ListBucket", "s3:ListBucketVersions" ],
    "Resource" : "arn:aws-cn:s3:::acme-cn-data",
    "Condition" : {
      "StringLike" : {
        "s3:prefix" : "raw/*"
      }
    }
  }, {
    "Sid" : "ReadObjects",
    "Effect" : "Allow",
    "Action" : [ "s3:GetObject", "s3:GetObjectVersion" ],
    "Resource" : "arn:aws-cn:s3:::acme-cn-data/raw/*"
  }, {
    "Sid" : "LocateBuckets",
    "Effect" : "Allow",
    "Action" : "s3:GetBucketLocation",
    "Resource" : "arn:aws-cn:s3:::acme-cn-data"
  }, {
    "Sid" : "DecryptViaS3CnNorth1",
    "Effect" : "Allow",
    "Action" : "kms:Decrypt",
    "Resource" : "arn:aws-cn:kms:cn-north-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab",
    "Condition" : {
      "StringEquals" : {
        "kms:ViaService" : "s3.cn-north-1.amazonaws.com.cn"
      }
    }
  } ]
}
EOT
}

output "role_arn" {
  description = "Paste this role ARN into Rolegate."
  value       = aws_iam_role.rolegate.arn
}
